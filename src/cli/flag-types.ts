/** The shape of a CLI command's flag table (command-flags.ts, serving-flags.ts): parser and help are built from it. */

export interface Flag {
  /** The flag without its leading dashes. */
  readonly name: string
  /** The value's name in the help (`N`, `FILE`); absent for a switch, which takes no value. */
  readonly value?: string
  readonly description: string
  /** The default as the help shows it; absent where the flag has none. */
  readonly default?: string
}

/** One command (or one mode of a command) as the help shows it. */
export interface CommandTable {
  /** How the command is called, e.g. `profile [model.onnx]`. */
  readonly synopsis: string
  /** The overview's heading of its options, when not the command's name. */
  readonly heading?: string
  /** What it does, for the overview. */
  readonly about: string
  readonly flags: readonly Flag[]
}

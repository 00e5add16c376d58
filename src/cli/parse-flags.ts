/** The one flag parser of the CLI: strict, built from a command's flag table. */
import { errorMessage } from '../errors.js'
import { parseArgs } from 'node:util'
import type { Flag } from './command-flags.js'
import { UsageError } from './usage.js'

/** Values by flag name: a string for a flag with a value, true for a switch that is given. */
export type FlagValues<T extends readonly Flag[]> = { [F in T[number] as F['name']]?: F extends { value: string } ? string : boolean }

/** Parses `args` against `flags`; a UsageError on an unknown flag or a missing value. */
export function parseFlags<const T extends readonly Flag[]>(args: readonly string[], flags: T): { values: FlagValues<T>; positionals: string[] } {
  const options = Object.fromEntries(flags.map((f) => [f.name, { type: f.value === undefined ? ('boolean' as const) : ('string' as const) }]))
  try {
    const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, strict: true, options })
    return { values: values as FlagValues<T>, positionals }
  } catch (err) {
    throw new UsageError(errorMessage('USAGE_ARGS', { detail: (err as Error).message }), { cause: err })
  }
}

/** Whether the arguments ask for a command's help. */
export function wantsHelp(args: readonly string[]): boolean {
  return args.includes('--help') || args.includes('-h')
}

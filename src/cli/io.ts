/** What the CLI needs from its process, passed in so tests can run it in-process. */
export interface CliIo {
  argv: readonly string[]
  cwd: string
  stdout: { write(s: string): unknown }
  stderr: { write(s: string): unknown }
  env: NodeJS.ProcessEnv
}

/** Exit codes: 0 ok, 1 gate failure or runtime error, 2 wrong usage. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const

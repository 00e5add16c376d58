/** Runs the perfgate CLI in-process, as `main(io)` with string-collecting streams. */
import { resolve } from 'node:path'
import { main } from '../../src/cli/main.js'

/** The repository root: the CLI tests' default working directory. */
export const ROOT = resolve(import.meta.dirname, '../..')

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** A stack trace line: user-facing errors must not print one. */
export const STACK_LINE = /^\s+at /m

export async function runCli(argv: string[], cwd: string = ROOT, env: NodeJS.ProcessEnv = { ...process.env }): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await main({ argv, cwd, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env })
  return { code, stdout, stderr }
}

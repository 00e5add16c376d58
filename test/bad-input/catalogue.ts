/**
 * The bad-input catalogue: one row per hostile or mistaken input a user can
 * give perfgate, with the error code it must raise and the words its message
 * must contain (the option, file or field it names, and the fix). Rows run
 * against the built package (dist/, what `npm pack` ships) and the CLI.
 * Each area keeps its rows in its own `*.test.ts` file beside this one.
 */
import { expect, it } from 'vitest'
import { runCli, STACK_LINE } from '../cli/run-cli.js'

/** An error code of perfgate's dictionary (src/errors.ts). */
export type Code = string

export interface ApiRow {
  /** What the user did, as a sentence. */
  name: string
  /** The call that must fail. */
  run: () => unknown
  /** The PerfgateError code it must carry. */
  code: Code
  /** Words the message must contain (case-sensitive). */
  words: readonly string[]
}

export interface CliRow {
  name: string
  argv: string[]
  /** Exit code: 2 for wrong usage, 1 for a failure. */
  exit: number
  /** Words stderr must contain. */
  words: readonly string[]
  cwd?: string
  env?: NodeJS.ProcessEnv
}

/** Runs each row as a test: the call must reject with the code, and the message must name the cause without a stack trace. */
export function apiRows(rows: readonly ApiRow[]): void {
  for (const row of rows) {
    it(row.name, async () => {
      let caught: unknown
      try {
        await row.run()
      } catch (err) {
        caught = err
      }
      expect(caught, 'the call must fail').toBeInstanceOf(Error)
      const err = caught as Error & { code?: string }
      expect({ code: err.code, message: err.message }).toMatchObject({ code: row.code })
      for (const w of row.words) expect(err.message).toContain(w)
      expect(String(err.stack ?? '')).not.toMatch(STACK_LINE)
    })
  }
}

/** Runs each row through the CLI in-process: the exit code, the words on stderr, no stack trace. */
export function cliRows(rows: readonly CliRow[]): void {
  for (const row of rows) {
    it(row.name, async () => {
      const r = await runCli(row.argv, row.cwd, row.env ?? { ...process.env })
      expect(r.code).toBe(row.exit)
      for (const w of row.words) expect(r.stderr).toContain(w)
      expect(r.stderr).not.toMatch(STACK_LINE)
    })
  }
}

/** The files a CLI command writes on request (--json, --csv, --md, --html): one way to write, report and fail. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { errorMessage } from '../errors.js'
import type { CliIo } from './io.js'

/**
 * Writes `content()` to `path` (relative to the command's cwd) and says so on stderr; false, with the
 * reason on stderr, when it cannot. `makeFolder` creates missing folders first.
 */
export function writeOutputFile(io: CliIo, flag: string, path: string, content: () => string, makeFolder = false): boolean {
  try {
    const file = resolve(io.cwd, path)
    if (makeFolder) mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, content())
  } catch (err) {
    const fix = makeFolder ? 'Check that its folder is writable.' : 'Check that its folder exists and is writable.'
    io.stderr.write(`perfgate: ${errorMessage('CLI_OUTPUT_WRITE_FAILED', { flag, path, detail: (err as Error).message, fix })}\n`)
    return false
  }
  io.stderr.write(`perfgate: wrote ${path}\n`)
  return true
}

/** `--json` (the value as JSON) and `--csv` outputs of a command; false when one could not be written. */
export function writeOutputs(io: CliIo, files: { json?: string; csv?: string }, value: unknown, csv: () => string): boolean {
  if (files.json && !writeOutputFile(io, 'json', files.json, () => `${JSON.stringify(value, null, 2)}\n`)) return false
  if (files.csv && !writeOutputFile(io, 'csv', files.csv, csv)) return false
  return true
}

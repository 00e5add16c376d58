/**
 * `perfgate report`: renders a results file (the plugin's `json` option) as
 * Markdown or HTML, or a history file (the plugin's `history` option) as an
 * HTML page of trends.
 *
 *   perfgate report results.json [--md FILE] [--html FILE]   (Markdown on stdout without either)
 *   perfgate report --history perf-history.jsonl --html trends.html
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { errorMessage, PerfgateError } from '../errors.js'
import { historyHtml } from '../report/history-html.js'
import { markdownReport } from '../report/markdown-report.js'
import { parseHistory } from '../results/history.js'
import { readResultsFile } from '../results/read-results.js'
import { EXIT, type CliIo } from './io.js'
import { writeReportFiles } from './report-files.js'
import { REPORT_FLAGS } from './command-flags.js'
import { runCommand } from './experiment-args.js'
import { parseFlags } from './parse-flags.js'
import { usageError } from './usage.js'

export function reportCommand(args: readonly string[], io: CliIo): Promise<number> {
  return runCommand(io, () => report(args, io))
}

async function report(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, REPORT_FLAGS)
  if (values.history !== undefined) {
    if (positionals.length > 0) return usageError(io, errorMessage('USAGE_REPORT_BOTH'))
    if (!values.html) return usageError(io, errorMessage('USAGE_REPORT_HISTORY_HTML'))
    if (values.md) return usageError(io, errorMessage('USAGE_REPORT_HISTORY_MD'))
    return historyReport(io, values.history, values.html)
  }
  if (positionals.length !== 1) return usageError(io, errorMessage('USAGE_REPORT_FILES', { count: positionals.length }))
  const path = positionals[0]!
  const read = readResultsFile(resolve(io.cwd, path), path)
  if (!read.ok) {
    io.stderr.write(`perfgate: ${read.message}\n`)
    return EXIT.usage
  }
  if (!values.md && !values.html) {
    io.stdout.write(markdownReport(read.value))
    return EXIT.ok
  }
  return writeReportFiles(io, read.value, { md: values.md, html: values.html }, 'perfgate report') ? EXIT.ok : EXIT.failure
}

function historyReport(io: CliIo, historyPath: string, htmlPath: string): number {
  let text: string
  try {
    text = readFileSync(resolve(io.cwd, historyPath), 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    io.stderr.write(
      `perfgate: ${errorMessage('CLI_HISTORY_UNREADABLE', { file: historyPath, detail: code === 'ENOENT' ? 'no such file' : (err as Error).message })}\n`,
    )
    return EXIT.usage
  }
  let records
  try {
    records = parseHistory(text, historyPath)
  } catch (err) {
    if (err instanceof PerfgateError) {
      io.stderr.write(`perfgate: ${err.message}\n`)
      return EXIT.usage
    }
    throw err
  }
  try {
    const file = resolve(io.cwd, htmlPath)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, historyHtml(records))
  } catch (err) {
    io.stderr.write(
      `perfgate: ${errorMessage('CLI_OUTPUT_WRITE_FAILED', { flag: 'html', path: htmlPath, detail: (err as Error).message, fix: 'Check that its folder is writable.' })}\n`,
    )
    return EXIT.failure
  }
  io.stderr.write(`perfgate: wrote ${htmlPath} (${records.length} runs)\n`)
  return EXIT.ok
}

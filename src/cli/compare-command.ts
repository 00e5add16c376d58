/**
 * `perfgate compare A.json B.json`: judges B against A with the gate's rule
 * and prints the comparison; A and B are results files (the plugin's `json`
 * option) or profile results (`perfgate profile --json`). Exit 1 on a
 * regression, 0 otherwise, 2 on bad input or usage.
 */
import { closestName } from '../options/suggest.js'
import { resolve } from 'node:path'
import { isMetricId, KNOWN_METRIC_IDS, PROFILE_METRIC_IDS } from '../metrics/catalogue.js'
import { parseTolerance } from '../compare/tolerance.js'
import { errorMessage, PerfgateError } from '../errors.js'
import { ansi, colorEnabled, plain } from '../report/ansi.js'
import { calibrationText, differencesText } from '../report/diff-table.js'
import { summaryTable } from '../report/summary-table.js'
import { terminalText } from '../report/terminal-text.js'
import { compareFiles } from '../results/compare-results.js'
import { readComparable } from '../results/read-results.js'
import { buildResultsFile } from '../results/results-file.js'
import type { MetricId, Tolerance } from '../types/index.js'
import { EXIT, type CliIo } from './io.js'
import { writeReportFiles } from './report-files.js'
import { COMPARE_FLAGS } from './command-flags.js'
import { runCommand } from './experiment-args.js'
import { parseFlags } from './parse-flags.js'
import { usageError } from './usage.js'

export function compareCommand(args: readonly string[], io: CliIo): Promise<number> {
  return runCommand(io, () => compare(args, io))
}

/** The terminal text of a comparison of two files: a summary line, then a table per compared entry and what was left out. */
function comparisonLines(cmp: ReturnType<typeof compareFiles>, aPath: string, bPath: string, paint: typeof ansi): string[] {
  const count = (s: string) => cmp.records.filter((r) => r.status === s).length
  const lines = [
    `perfgate compare ${terminalText(aPath)} -> ${terminalText(bPath)}: ${count('regressed')} regressed, ${count('improved')} improved, ${count('pass')} passed`,
  ]
  for (const r of cmp.records) {
    const label = r.status === 'regressed' ? paint('REGRESSED', 'red') : r.status === 'improved' ? paint('improved', 'green') : 'ok'
    lines.push('', `${label}  ${terminalText(r.key)}`, summaryTable(r.rows ?? [], { paint }))
    if (r.calibration) lines.push(calibrationText(r.calibration))
    const diffs = differencesText(r.differences ?? [])
    if (diffs) lines.push(diffs)
  }
  if (cmp.onlyInA.length > 0) lines.push('', `Only in ${terminalText(aPath)} (not compared):`, ...cmp.onlyInA.map((id) => `  ${terminalText(id)}`))
  if (cmp.onlyInB.length > 0) lines.push('', `Only in ${terminalText(bPath)} (not compared):`, ...cmp.onlyInB.map((id) => `  ${terminalText(id)}`))
  if (cmp.notCompared.length > 0) lines.push('', 'Not comparable:', ...cmp.notCompared.map((n) => `  ${terminalText(n)}`))
  return lines
}

async function compare(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, COMPARE_FLAGS)
  if (positionals.length !== 2) return usageError(io, errorMessage('USAGE_COMPARE_FILES', { count: positionals.length }))
  let tolerance: Tolerance | undefined
  if (values.tolerance !== undefined) {
    try {
      parseTolerance(values.tolerance, '--tolerance')
      tolerance = values.tolerance as Tolerance
    } catch (err) {
      if (err instanceof PerfgateError) return usageError(io, err.message)
      throw err
    }
  }
  let metrics: MetricId[] | undefined
  if (values.metrics !== undefined) {
    metrics = values.metrics.split(',').map((m) => m.trim()) as MetricId[]
    const unknown = metrics.find((m) => !isMetricId(m))
    if (unknown !== undefined) {
      const suggestion = closestName(unknown, [...KNOWN_METRIC_IDS, 'value'])
      return usageError(io, errorMessage('USAGE_METRIC_UNKNOWN', { metric: unknown, suggestion, known: [...PROFILE_METRIC_IDS, 'value'] }))
    }
  }
  let alpha: number | undefined
  if (values.alpha !== undefined) {
    alpha = Number(values.alpha)
    if (!(alpha > 0 && alpha < 1)) return usageError(io, errorMessage('USAGE_ALPHA', { got: values.alpha }))
  }

  const [aPath, bPath] = positionals as [string, string]
  const a = readComparable(resolve(io.cwd, aPath), aPath)
  const b = readComparable(resolve(io.cwd, bPath), bPath)
  for (const r of [a, b]) {
    if (!r.ok) {
      io.stderr.write(`perfgate: ${r.message}\n`)
      return EXIT.usage
    }
  }
  if (!a.ok || !b.ok) return EXIT.usage
  const cmp = compareFiles(a.value, b.value, { metrics, tolerance, alpha })
  if (cmp.records.length === 0 && cmp.notCompared.length === 0) {
    io.stderr.write(`perfgate: ${errorMessage('CLI_NOTHING_TO_COMPARE', { a: aPath, b: bPath, aEntries: a.value.length, bEntries: b.value.length })}\n`)
    return EXIT.usage
  }

  const paint = colorEnabled((io.stdout as { isTTY?: boolean }).isTTY, io.env) ? ansi : plain
  const count = (s: string) => cmp.records.filter((r) => r.status === s).length
  const lines = comparisonLines(cmp, aPath, bPath, paint)
  io.stdout.write(`${lines.join('\n')}\n`)

  const results = buildResultsFile(cmp.records, { createdAt: new Date(), commit: null })
  const wrote = writeReportFiles(io, results, { md: values.md, html: values.html, json: values.json }, `perfgate compare ${aPath} ${bPath}`)
  if (!wrote) return EXIT.failure
  if (count('regressed') > 0) return EXIT.failure
  return cmp.notCompared.length > 0 ? EXIT.usage : EXIT.ok
}

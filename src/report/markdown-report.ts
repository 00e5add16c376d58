/**
 * The Markdown summary of a run, for `$GITHUB_STEP_SUMMARY` and pull request
 * comments: a headline with the counts, a warning when the change edits the
 * baselines it is judged against, the regressed rows (baseline, current,
 * change, confidence interval when known, tolerance), then every other row
 * folded in a <details> block. Every string from tests and files is escaped. Pure.
 */
import type { MetricComparison, ResultEntry, ResultsFile } from '../types/index.js'
import { disturbanceText } from './diff-table.js'
import { escapeMarkdown as md } from './escape.js'
import { formatWithUnit } from './format-number.js'
import { formatChange, formatInterval } from './summary-table.js'
import { anyFailed, otherCounts, passedCount, regressedCount } from './outcome-counts.js'

export interface MarkdownOptions {
  /** Heading text before the counts. @default 'perfgate' */
  title?: string
}

const STATUS_LABEL: Record<string, string> = {
  pass: 'passed',
  regressed: '**REGRESSED**',
  improved: 'improved',
  new: 'new',
  updated: 'updated',
  missing: 'missing',
  invalid: 'invalid baseline',
}

const VERDICT_LABEL: Record<string, string> = { pass: 'ok', regressed: '**REGRESSED**', improved: 'improved' }

/** `## ✅ perfgate: 0 regressed, 3 passed (1 improved), 1 new`: regressed first, then as the terminal counts (outcome-counts.ts). */
function headline(file: ResultsFile, title: string): string {
  const r = file.results
  return `## ${anyFailed(r) ? '❌' : '✅'} ${md(title)}: ${[regressedCount(r), passedCount(r), ...otherCounts(r)].join(', ')}`
}

function testCell(e: ResultEntry): string {
  return `${md(e.key)}<br><sub>${md(e.file)}</sub>`
}

function table(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly string[])[]): string {
  return [`| ${header.join(' | ')} |`, `|${align.map((a) => (a === 'r' ? '---:' : ':---')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')
}

function intervalCell(r: MetricComparison): string {
  return r.interval ? formatInterval(r.interval.lowPct, r.interval.highPct) : ''
}

/** A row's metric, baseline, current, change, interval (when shown) and tolerance cells. */
function metricCells(r: MetricComparison, withInterval: boolean): string[] {
  return [
    md(r.metric),
    formatWithUnit(r.baseline, r.unit),
    formatWithUnit(r.current, r.unit),
    formatChange(r, false),
    ...(withInterval ? [intervalCell(r)] : []),
    md(r.tolerance),
  ]
}

function intervalHeader(rows: readonly MetricComparison[]): string {
  const level = rows.find((r) => r.interval)?.interval?.confidence
  return level === undefined ? 'CI' : `${+(level * 100).toFixed(1)}% CI of change`
}

/** The warning shown when the change edits the baselines it is judged against. */
function changedBaselinesSection(file: ResultsFile): string[] {
  const changed = file.changedBaselines ?? []
  if (changed.length === 0) return []
  return [
    '> [!WARNING]',
    `> **This change edits the baseline it is judged against**${file.baseRef ? ` (compared with ${md(file.baseRef)})` : ''}: ${changed.map(md).join(', ')}.`,
    '> The gate compares with these files as changed here; review the baseline diff together with the code.',
    '',
  ]
}

/** The rows of the report split into regressed ones and the rest (an entry without rows is one row of the rest). */
function splitRows(file: ResultsFile): { regressed: [ResultEntry, MetricComparison][]; rest: [ResultEntry, MetricComparison | undefined][] } {
  const regressed: [ResultEntry, MetricComparison][] = []
  const rest: [ResultEntry, MetricComparison | undefined][] = []
  for (const e of file.results) {
    if (!e.rows || e.rows.length === 0) rest.push([e, undefined])
    for (const r of e.rows ?? []) {
      if (r.verdict === 'regressed') regressed.push([e, r])
      else rest.push([e, r])
    }
  }
  return { regressed, rest }
}

function regressedSection(regressed: readonly [ResultEntry, MetricComparison][], allRows: readonly MetricComparison[], withInterval: boolean): string[] {
  if (regressed.length === 0) return []
  const header = ['test', 'metric', 'baseline', 'current', 'change', ...(withInterval ? [intervalHeader(allRows)] : []), 'tolerance']
  const align: ('l' | 'r')[] = ['l', 'l', 'r', 'r', 'r', ...(withInterval ? (['r'] as const) : []), 'r']
  return [
    '### Regressed',
    '',
    table(
      header,
      align,
      regressed.map(([e, r]) => [testCell(e), ...metricCells(r, withInterval)]),
    ),
    '',
    'If the slowdown is intended, record the new figures with `npx vitest run -u` (or `npx perfgate update`) and commit the baseline.',
    '',
  ]
}

function notComparedSection(file: ResultsFile): string[] {
  const problems = file.results.filter((e) => e.status === 'missing' || e.status === 'invalid')
  if (problems.length === 0) return []
  const out = ['### Not compared', '']
  for (const e of problems) {
    const why = e.status === 'missing' ? 'no baseline, and missing baselines are not recorded in CI' : 'its baseline file is invalid'
    out.push(`- ${md(e.key)} (${md(e.file)}): ${why}`)
  }
  out.push('')
  return out
}

function improvedSection(file: ResultsFile): string[] {
  const improved = file.results.filter((e) => e.status === 'improved')
  if (improved.length === 0) return []
  return [`Improved beyond tolerance: ${improved.map((e) => md(e.key)).join(', ')}. Lock it in with \`npx vitest run -u\`.`, '']
}

function calibrationSection(file: ResultsFile): string[] {
  const calibrated = file.results.filter((e) => e.calibration)
  if (calibrated.length === 0) return []
  const out = ['Calibrated for machine speed (current times in the tables are the measured ones x factor):', '']
  for (const e of calibrated) {
    const c = e.calibration!
    out.push(
      `- ${md(e.key)}: x${c.factor.toFixed(3)} (reference workload ${formatWithUnit(c.currentScoreMs, 'ms')} now, ${formatWithUnit(c.baselineScoreMs, 'ms')} at the baseline)`,
    )
  }
  out.push('')
  return out
}

function disturbanceSection(file: ResultsFile): string[] {
  // only where a side saw disturbed runs: an undisturbed entry needs no line
  const disturbed = file.results.filter((e) => e.current?.disturbance && (e.current.disturbance.share > 0 || (e.baseline?.disturbance?.share ?? 0) > 0))
  if (disturbed.length === 0) return []
  const out = ['Runs disturbed by other work on the machine (preempted or waiting for a core):', '']
  for (const e of disturbed)
    out.push(
      `- ${md(e.key)}: ${md(disturbanceText({ current: e.current!.disturbance!, ...(e.baseline?.disturbance ? { baseline: e.baseline.disturbance } : {}) }, '→'))}`,
    )
  out.push('')
  return out
}

function testbedSection(file: ResultsFile): string[] {
  const otherTestbed = file.results.filter((e) => e.differences?.length)
  if (otherTestbed.length === 0) return []
  const out = ['Measured on a different setup than the baseline (the change may be the machine, not the code):', '']
  for (const e of otherTestbed) {
    out.push(`- ${md(e.key)}: ${(e.differences ?? []).map((d) => `${md(d.field)} ${md(d.baseline)} → ${md(d.current)}`).join('; ')}`)
  }
  out.push('')
  return out
}

function otherResultsSection(
  rest: readonly [ResultEntry, MetricComparison | undefined][],
  anyRegressed: boolean,
  allRows: readonly MetricComparison[],
  withInterval: boolean,
): string[] {
  if (rest.length === 0) return []
  const header = ['test', 'status', 'metric', 'baseline', 'current', 'change', ...(withInterval ? [intervalHeader(allRows)] : []), 'tolerance', 'verdict']
  const align: ('l' | 'r')[] = ['l', 'l', 'l', 'r', 'r', 'r', ...(withInterval ? (['r'] as const) : []), 'r', 'l']
  const rows = rest.map(([e, r]) =>
    r
      ? [
          testCell(e),
          STATUS_LABEL[e.status] ?? md(e.status),
          ...metricCells(r, withInterval),
          (VERDICT_LABEL[r.verdict] ?? md(r.verdict)) + (r.note ? ` (${md(r.note)})` : ''),
        ]
      : [testCell(e), STATUS_LABEL[e.status] ?? md(e.status), '', '', '', '', ...(withInterval ? [''] : []), '', ''],
  )
  return [
    '<details>',
    `<summary>${anyRegressed ? 'Other results' : 'All results'} (${rest.length} rows)</summary>`,
    '',
    table(header, align, rows),
    '',
    '</details>',
    '',
  ]
}

export function markdownReport(file: ResultsFile, opts: MarkdownOptions = {}): string {
  const { regressed, rest } = splitRows(file)
  const allRows = file.results.flatMap((e) => e.rows ?? [])
  const withInterval = allRows.some((r) => r.interval)
  const meta = [file.commit ? `commit ${md(file.commit.slice(0, 12))}` : '', `run ${md(file.createdAt)}`].filter(Boolean)
  return [
    headline(file, opts.title ?? 'perfgate'),
    '',
    ...changedBaselinesSection(file),
    ...regressedSection(regressed, allRows, withInterval),
    ...notComparedSection(file),
    ...improvedSection(file),
    ...calibrationSection(file),
    ...disturbanceSection(file),
    ...testbedSection(file),
    ...otherResultsSection(rest, regressed.length > 0, allRows, withInterval),
    `<sub>${meta.join(' · ')}</sub>`,
    '',
  ].join('\n')
}

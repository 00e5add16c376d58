/**
 * The end-of-run summary: counts by outcome, the regressed rows repeated,
 * improvements with a hint, obsolete entries, and files written.
 */
import type { GateRecord } from '../types/index.js'
import { plain, type Paint } from './ansi.js'
import { summaryTable, wrapText } from './summary-table.js'
import { terminalLines, terminalText } from './terminal-text.js'
import { MACHINE_FIELDS } from './machine-fields.js'
import { otherCounts, passedCount, regressedCount } from './outcome-counts.js'

export interface RunSummaryInput {
  records: readonly GateRecord[]
  obsolete: readonly { file: string; key: string }[]
  /** Baseline files written (or deleted) this run. */
  written: readonly string[]
  /** Problems that kept a file from being written. */
  problems: readonly string[]
  removedObsolete: boolean
  /** Baseline files the change under test edits (against its base ref): flagged, since the gate judges against them. */
  changedBaselines?: readonly string[]
  /** Report files written this run (HTML, Markdown, JSON, CSV, history). */
  reports?: readonly string[]
  /** Terminal width the tables fit. @default 80 */
  width?: number
  /** Colours; none by default. */
  paint?: Paint
}

/** An entry as the summary names it: key and file, shown as data. */
function entryName(r: { key: string; file: string }): string {
  return `${terminalText(r.key)}  (${terminalText(r.file)})`
}

/** Test names, keys, file names and testbed fields are printed as data (terminal-text.ts), never as terminal commands. */
export function runSummary(input: RunSummaryInput): string {
  const paint = input.paint ?? plain
  const lines = [headline(input)]
  if (input.changedBaselines && input.changedBaselines.length > 0) {
    lines.push('', paint('This change edits baselines it is judged against (review them with it):', 'yellow'))
    for (const f of input.changedBaselines) lines.push(`  ${terminalText(f)}`)
  }
  lines.push(...verdictTables(input, paint), ...entryLists(input))
  if (input.written.length > 0) lines.push('', `Baselines written: ${terminalText(input.written.join(', '))}`)
  if (input.reports && input.reports.length > 0) lines.push('', `Reports written: ${terminalText(input.reports.join(', '))}`)
  for (const p of input.problems) lines.push('', terminalLines(p))
  return lines.join('\n')
}

/** `perfgate: 3 passed (1 improved), 1 regressed, ...`: passed and regressed always, the other counts when not 0 (outcome-counts.ts). */
function headline(input: RunSummaryInput): string {
  const r = input.records
  const obsolete = input.obsolete.length > 0 ? [`${input.obsolete.length} obsolete`] : []
  return `perfgate: ${[passedCount(r), regressedCount(r), ...otherCounts(r), ...obsolete].join(', ')}`
}

/** `  measured 3 times` for an entry perfgate measured again to confirm its verdict. */
function measuredTimes(r: GateRecord): string {
  return r.confirmation && r.confirmation.measurements > 1 ? `  measured ${r.confirmation.measurements} times` : ''
}

/** The table of every regressed entry, then the rows of warned and unresolved ones. */
function verdictTables(input: RunSummaryInput, paint: Paint): string[] {
  const lines: string[] = []
  for (const r of input.records.filter((x) => x.status === 'regressed')) {
    lines.push('', `${paint('REGRESSED', 'red')}  ${entryName(r)}${measuredTimes(r)}`)
    if (r.rows) lines.push(summaryTable(r.rows, { width: input.width, paint }))
  }
  for (const [status, title] of [
    ['warned', 'WARNING (beyond the warning band, within tolerance)'],
    ['unresolved', 'UNRESOLVED (noise wider than the tolerance: more runs or a wider tolerance)'],
  ] as const) {
    for (const r of input.records.filter((x) => x.status === status)) {
      const policy =
        r.unresolvedPolicy === undefined ? '' : r.unresolvedPolicy === 'fail' ? ' fails (unresolved: fail)' : ' passes with a warning (unresolved: warn)'
      lines.push('', `${title}  ${entryName(r)}${measuredTimes(r)}${policy}`)
      if (r.rows)
        lines.push(
          summaryTable(
            r.rows.filter((row) => row.verdict === status),
            { width: input.width, paint },
          ),
        )
    }
  }
  return lines
}

/** Missing, improved, other-testbed and obsolete entries, each list under its heading with what to do. */
function entryLists(input: RunSummaryInput): string[] {
  const lines: string[] = []
  const missing = input.records.filter((x) => x.status === 'missing')
  if (missing.length > 0) {
    lines.push('', 'Missing baselines (record them with `npx vitest run -u` and commit the files):')
    for (const r of missing) lines.push(`  ${entryName(r)}`)
  }
  const improved = input.records.filter((x) => x.status === 'improved')
  if (improved.length > 0) {
    lines.push('', 'Improved beyond tolerance (run `npx vitest run -u` to lock it in):')
    for (const r of improved) lines.push(`  ${entryName(r)}`)
  }
  const otherTestbed = input.records.filter((r) => r.differences?.some((d) => MACHINE_FIELDS.has(d.field)))
  if (otherTestbed.length > 0) {
    lines.push('', ...wrapText('Compared with a baseline measured on a different testbed (the change may be the machine, not the code):', input.width ?? 80))
    for (const r of otherTestbed) {
      const diffs = (r.differences ?? []).filter((d) => MACHINE_FIELDS.has(d.field)).map((d) => `${d.field} ${d.baseline} -> ${d.current}`)
      lines.push(`  ${entryName(r)}: ${terminalText(diffs.join('; '))}`)
    }
  }
  if (input.obsolete.length > 0) {
    lines.push('', input.removedObsolete ? 'Removed obsolete baseline entries:' : 'Obsolete baseline entries (remove them with `npx vitest run -u`):')
    for (const o of input.obsolete) lines.push(`  ${entryName(o)}`)
  }
  return lines
}

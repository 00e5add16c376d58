/**
 * The gate's failure message: one row per gated metric (baseline, current,
 * change, change %, tolerance, verdict) and the testbed fields that differ.
 */
import type { CalibrationApplied, EntryComparison, MetricComparison, TestbedDifference } from '../types/index.js'
import { formatPercent, formatSigned, formatWithUnit } from './format-number.js'
import { formatInterval } from './summary-table.js'
import { terminalLines, terminalText } from './terminal-text.js'
import { textTable } from './text-table.js'

const VERDICT_LABEL: Record<MetricComparison['verdict'], string> = {
  pass: 'ok',
  regressed: 'REGRESSED',
  improved: 'improved',
  warned: 'warning',
  unresolved: 'unresolved',
}


export function diffTable(rows: readonly MetricComparison[]): string {
  return textTable(
    ['metric', 'baseline', 'current', 'change', 'change %', 'interval %', 'tolerance', 'verdict'],
    rows.map((r) => [
      r.metric,
      formatWithUnit(r.baseline, r.unit),
      formatWithUnit(r.current, r.unit),
      formatSigned(r.change),
      formatPercent(r.changePct),
      r.interval ? formatInterval(r.interval.lowPct, r.interval.highPct) : '',
      r.tolerance,
      r.note ? `${VERDICT_LABEL[r.verdict]}: ${r.note}` : VERDICT_LABEL[r.verdict],
    ]),
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
  )
}

export function differencesText(diffs: readonly TestbedDifference[]): string {
  if (diffs.length === 0) return ''
  const lines = diffs.map((d) => `  ${d.field}: ${d.baseline} -> ${d.current}`)
  return terminalLines(`Measured on a different setup than the baseline:\n${lines.join('\n')}`)
}

/** One line on the machine-speed correction a comparison applied. */
export function calibrationText(c: CalibrationApplied): string {
  return (
    `Calibrated for machine speed: the reference workload took ${formatWithUnit(c.currentScoreMs, 'ms')} now and ` +
    `${formatWithUnit(c.baselineScoreMs, 'ms')} when the baseline was recorded, so current times are shown x${c.factor.toFixed(3)}.`
  )
}

/** The whole message for one entry's comparison. */
export function comparisonReport(rawKey: string, rawFile: string, cmp: EntryComparison): string {
  // a line break in a name must not start a line of the message
  const key = terminalText(rawKey)
  const file = terminalText(rawFile)
  const head =
    cmp.verdict === 'regressed'
      ? `perfgate: "${key}" regressed against ${file}`
      : cmp.verdict === 'improved'
        ? `perfgate: "${key}" improved beyond tolerance against ${file}`
        : `perfgate: "${key}" is within its baseline in ${file}`
  const parts = [head, '', diffTable(cmp.rows)]
  if (cmp.calibration) parts.push('', calibrationText(cmp.calibration))
  const diffs = differencesText(cmp.differences)
  if (diffs) parts.push('', diffs)
  if (cmp.verdict === 'regressed') {
    parts.push('', 'If the slowdown is intended, record the new figures with `npx vitest run -u` (or `npx perfgate update`) and commit the baseline.')
  } else if (cmp.verdict === 'improved') {
    parts.push('', 'Lock in the improvement with `npx vitest run -u` (or `npx perfgate update`) and commit the baseline.')
  }
  return terminalLines(parts.join('\n'))
}

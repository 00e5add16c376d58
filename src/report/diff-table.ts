/**
 * The gate's failure message: one row per gated metric (baseline, current,
 * change, change %, tolerance, verdict) and the testbed fields that differ.
 */
import type { CalibrationApplied, Disturbance, EntryComparison, MetricComparison, TestbedDifference } from '../types/index.js'
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

/** The share of disturbed runs as a whole percentage. */
function disturbedShare(d: Disturbance | undefined): string {
  return d ? `${Math.round(d.share * 100)}%` : 'not recorded'
}

/**
 * One line on how disturbed the runs were, e.g.
 * "disturbed runs: baseline 2% -> current 61% (involuntary switches, run-queue wait)";
 * the reasons are the current measurement's.
 */
export function disturbanceText(d: { baseline?: Disturbance; current: Disturbance }, arrow = '->'): string {
  const why = d.current.reasons.length > 0 ? ` (${d.current.reasons.join(', ')})` : ''
  return `disturbed runs: baseline ${disturbedShare(d.baseline)} ${arrow} current ${disturbedShare(d.current)}${why}`
}

/** One line on where a gated number came from, e.g. "gated with the samples of latency.p95 of profile(models/det.onnx)". */
export function originText(metric: string, result: string): string {
  return `gated with the samples of ${metric} of ${result}`
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
  if (cmp.disturbance) parts.push('', disturbanceText(cmp.disturbance))
  const diffs = differencesText(cmp.differences)
  if (diffs) parts.push('', diffs)
  if (cmp.verdict === 'regressed') {
    parts.push('', 'If the slowdown is intended, record the new figures with `npx vitest run -u` (or `npx perfgate update`) and commit the baseline.')
  } else if (cmp.verdict === 'improved') {
    parts.push('', 'Lock in the improvement with `npx vitest run -u` (or `npx perfgate update`) and commit the baseline.')
  }
  return terminalLines(parts.join('\n'))
}

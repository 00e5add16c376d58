/**
 * The gate's failure message: one row per gated metric (baseline, current,
 * change, change %, tolerance, verdict) and the testbed fields that differ.
 */
import type { CalibrationApplied, Confirmation, Disturbance, EntryComparison, MetricComparison, TestbedDifference } from '../types/index.js'
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
      r.basis === 'cpu' && !r.metric.startsWith('cpu.') ? `${r.metric} (cpu time)` : r.metric,
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
  const took = c.basis === 'cpu' ? 'took CPU times of' : 'took'
  return (
    `Calibrated for machine speed: the reference workload ${took} ${formatWithUnit(c.currentScoreMs, 'ms')} now and ` +
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

/** The line that says a comparison's timing rows compared CPU time (basis.ts). */
export const CPU_BASIS_TEXT =
  'Basis: CPU time per run. The session computes on one thread, so the rows marked (cpu time) compare the CPU time of each run, ' +
  'which equals its wall time on an idle core and does not grow while the run waits for one; the wall times are in the result.'

/** One line on where a gated number came from, e.g. "gated with the samples of latency.p95 of profile(models/det.onnx)". */
export function originText(metric: string, result: string): string {
  return `gated with the samples of ${metric} of ${result}`
}

/** The line on the measurements a verdict was decided on, when perfgate measured again. */
export function confirmationText(c: Confirmation, verdict: string): string {
  const outcome =
    verdict === 'regressed'
      ? 'the regression held on the pooled runs'
      : verdict === 'unresolved'
        ? 'still unresolved on the pooled runs'
        : 'the pooled runs resolved it'
  return (
    `Measured ${c.measurements} times, each time in fresh sessions (verdict of each alone: ${c.each.join(', ')}; ` +
    `of all so far, pooled: ${c.verdicts.join(', ')}): ${outcome}.`
  )
}

/** What an entry still unresolved does, and how to change it. */
function unresolvedAdvice(policy: 'fail' | 'warn' | undefined): string {
  const what = policy === 'fail' ? "It fails (option unresolved: 'fail')." : "It passes with a warning (option unresolved: 'warn'; 'fail' fails it)."
  return `${what} To resolve it: measure more runs (runs, sessions), raise confirm, widen the tolerance, or run where the machine is quieter.`
}

/** The whole message for one entry's comparison. */
export function comparisonReport(
  rawKey: string,
  rawFile: string,
  cmp: EntryComparison,
  confirmation?: Confirmation,
  unresolvedPolicy?: 'fail' | 'warn',
): string {
  // a line break in a name must not start a line of the message
  const key = terminalText(rawKey)
  const file = terminalText(rawFile)
  const head =
    cmp.verdict === 'regressed'
      ? `perfgate: "${key}" regressed against ${file}`
      : cmp.verdict === 'improved'
        ? `perfgate: "${key}" improved beyond tolerance against ${file}`
        : cmp.verdict === 'unresolved'
          ? `perfgate: "${key}" is unresolved against ${file}: its noise is wider than its tolerance`
          : `perfgate: "${key}" is within its baseline in ${file}`
  const parts = [head, '', diffTable(cmp.rows)]
  if (confirmation) parts.push('', confirmationText(confirmation, cmp.verdict))
  if (cmp.verdict === 'unresolved') parts.push('', unresolvedAdvice(unresolvedPolicy))
  if (cmp.basis === 'cpu') parts.push('', CPU_BASIS_TEXT)
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

/**
 * The gate decision for one baseline entry. A metric regresses only when its
 * change is beyond the tolerance in the bad direction AND, where both sides
 * have per-run samples, the shift is statistically significant (two-sided
 * Mann-Whitney U, p < alpha). A change beyond tolerance in the good direction
 * is an improvement (it passes, with a hint to update the baseline).
 */
import { normalizeForBaseline } from '../baseline/format.js'
import { mannWhitneyU } from '../stats/index.js'
import type { BaselineEntry, Better, EntryComparison, MetricComparison, MetricId, TestbedDifference } from '../types/index.js'
import { METRICS, valueMetric, type MetricDef } from './metrics.js'
import { allowedChange, describeTolerance, resolveTolerance, type ToleranceInput } from './tolerance.js'

/** Significance level of the rank test. */
export const DEFAULT_ALPHA = 0.01

/** Fewer samples than this per side: the rank test is skipped and the tolerance alone decides. */
export const MIN_SAMPLES_FOR_TEST = 8

export interface CompareOptions {
  metrics: readonly MetricId[]
  tolerance?: ToleranceInput
  configTolerance?: ToleranceInput
  alpha?: number
  /** Direction of `value` entries. */
  better?: Better
}

export function compareEntry(baseline: BaselineEntry, current: BaselineEntry, opts: CompareOptions): EntryComparison {
  const alpha = opts.alpha ?? DEFAULT_ALPHA
  const rows: MetricComparison[] = []
  for (const id of opts.metrics) {
    const def: MetricDef | undefined = id === 'value' ? valueMetric(opts.better ?? baseline.better ?? 'lower') : METRICS.get(id)
    const b = baseline.metrics[id]
    const c = current.metrics[id]
    if (!def || b === undefined || c === undefined) continue
    const { tolerance } = resolveTolerance(id, opts.tolerance, opts.configTolerance)
    const change = c - b
    const worse = def.better === 'lower' ? change > 0 : change < 0
    const beyond = Math.abs(change) > allowedChange(tolerance, b)
    const row: MetricComparison = {
      metric: id,
      unit: def.unit,
      better: def.better,
      baseline: b,
      current: c,
      change,
      changePct: b === 0 ? null : (change / Math.abs(b)) * 100,
      tolerance: describeTolerance(tolerance, def.unit),
      verdict: 'pass',
    }
    const bs = def.samples ? baseline.samples[def.samples] : undefined
    const cs = def.samples ? current.samples[def.samples] : undefined
    let significant = true
    if (bs && cs && bs.length >= MIN_SAMPLES_FOR_TEST && cs.length >= MIN_SAMPLES_FOR_TEST) {
      row.pValue = mannWhitneyU(cs, bs).pValue
      significant = row.pValue < alpha
    }
    if (beyond && significant) row.verdict = worse ? 'regressed' : 'improved'
    else if (beyond) row.note = `beyond tolerance, not significant: p=${row.pValue?.toFixed(3)} >= ${alpha}`
    rows.push(row)
  }
  const verdict = rows.some((r) => r.verdict === 'regressed') ? 'regressed' : rows.some((r) => r.verdict === 'improved') ? 'improved' : 'pass'
  return { verdict, rows, differences: testbedDifferences(baseline, current) }
}

/** Fields of the environment, model and options that differ between two entries. */
export function testbedDifferences(baseline: BaselineEntry, current: BaselineEntry): TestbedDifference[] {
  const out: TestbedDifference[] = []
  const show = (v: unknown) => (v === null || v === undefined ? 'default' : Array.isArray(v) ? v.join(',') : String(v))
  for (const field of Object.keys(current.testbed).sort() as (keyof BaselineEntry['testbed'])[]) {
    const a = show(baseline.testbed[field])
    const b = show(current.testbed[field])
    if (a !== b) out.push({ field, baseline: a, current: b })
  }
  if (baseline.model && current.model) {
    if (baseline.model.sha256 !== current.model.sha256) {
      out.push({ field: 'model.sha256', baseline: baseline.model.sha256.slice(0, 12), current: current.model.sha256.slice(0, 12) })
    }
    if (baseline.model.bytes !== current.model.bytes) {
      out.push({ field: 'model.bytes', baseline: String(baseline.model.bytes), current: String(current.model.bytes) })
    }
  }
  const ao = JSON.stringify(normalizeForBaseline(baseline.options ?? {}))
  const bo = JSON.stringify(normalizeForBaseline(current.options ?? {}))
  if (ao !== bo) out.push({ field: 'options', baseline: ao, current: bo })
  return out
}

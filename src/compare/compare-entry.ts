/**
 * The gate decision for one baseline entry. For each gated metric:
 *
 * - beyond: the change exceeds the tolerance (or only its warning band);
 * - significant: where both sides have per-run samples, the two-sided
 *   Mann-Whitney U test rejects "same distribution" at `alpha`; metrics without
 *   samples rely on the tolerance and its noise floor alone;
 * - interval: a bootstrap confidence interval (level 1 - alpha) of the change
 *   of the gated statistic, widened where either entry pools several
 *   measurements by how much the statistic moved between them
 *   (between-measurements.ts); its half-width is the measurement's noise.
 *
 * Beyond the tolerance and significant in the bad direction: `regressed`, in
 * the good direction: `improved`. When the noise is wider than the tolerance and
 * the interval reaches back inside it, the gate cannot resolve that tolerance:
 * `unresolved` (passes, with the advice to measure more or widen it) instead of
 * a coin flip. Beyond only the warning band: `warned` (passes, reported). A
 * worse change within the tolerance whose interval (narrower than the
 * tolerance, and excluding no change) reaches beyond it is `borderline`: it
 * passes, and the matcher measures again before it does (confirm-policy.ts).
 *
 * Where both entries carry a machine-speed reference score (`calibrate`), the
 * current timings are first put on the baseline's machine speed (calibration.ts).
 */
import { optionDifferences } from './option-differences.js'
import { bootstrapRatioCI, mannWhitneyU, sortSamples } from '../stats/index.js'
import type { BaselineEntry, Better, EntryComparison, MetricComparison, MetricId, TestbedDifference } from '../types/index.js'
import { basisSamples, comparisonBasis, type Basis } from './basis.js'
import { betweenMeasurements, type BetweenMeasurements } from './between-measurements.js'
import { calibrated, calibrationBetween } from './calibration.js'
import { METRICS, valueMetric, type MetricDef } from '../metrics/catalogue.js'
import { busyAgainstQuiet, onlyTheSlowerRuns, settleOnTheMedian } from './slower-runs.js'
import { allowedChange, describeTolerance, resolveTolerance, type ToleranceInput } from './tolerance.js'

/** Significance level of the rank test, and 1 - confidence of the interval. */
export const DEFAULT_ALPHA = 0.01

/** Fewer samples than this per side: no test and no interval; the tolerance alone decides. */
export const MIN_SAMPLES_FOR_TEST = 8

/** Bootstrap replicates for the interval of the change. */
export const BOOTSTRAP_RESAMPLES = 1000

export interface CompareOptions {
  metrics: readonly MetricId[]
  tolerance?: ToleranceInput
  configTolerance?: ToleranceInput
  alpha?: number
  /** Direction of `value` entries. */
  better?: Better
  /**
   * Compute every row's interval for display. When false, an interval is computed only where the
   * verdict needs it (a significant change beyond the tolerance): for bulk comparisons such as benchmarks.
   * @default true
   */
  intervals?: boolean
  /**
   * Correct the current timings for the machine's speed where both entries carry a reference score
   * (profile option `calibrate`). @default true
   */
  calibrate?: boolean
  /** What timing rows compare (basis.ts); 'wall' keeps the wall time where the CPU basis would apply. @default 'auto' */
  basis?: 'auto' | 'wall'
}

/** Worst first: the entry's verdict is the first of these any of its rows has. */
const SEVERITY: readonly MetricComparison['verdict'][] = ['regressed', 'unresolved', 'warned', 'improved', 'pass']

export function compareEntry(baseline: BaselineEntry, measured: BaselineEntry, opts: CompareOptions): EntryComparison {
  const alpha = opts.alpha ?? DEFAULT_ALPHA
  const basis: Basis = opts.basis === 'wall' ? 'wall' : comparisonBasis(baseline, measured)
  const calibration = opts.calibrate === false ? undefined : calibrationBetween(baseline, measured, basis)
  const current = calibration ? calibrated(measured, calibration.factor) : measured
  const rows: MetricComparison[] = []
  for (const id of opts.metrics) {
    const def: MetricDef | undefined = id === 'value' ? valueMetric(opts.better ?? baseline.better ?? 'lower') : METRICS.get(id)
    const b = baseline.metrics[id]
    const c = current.metrics[id]
    if (!def || b === undefined || c === undefined) continue
    const onBasis = onSamplesOf(def, basis, baseline, current) ?? { def, b, c }
    rows.push(
      compareMetric(
        onBasis.def,
        onBasis.b,
        onBasis.c,
        baseline,
        current,
        resolveTolerance(id, opts.tolerance, opts.configTolerance).tolerance,
        alpha,
        opts.intervals ?? true,
      ),
    )
  }
  busyAgainstQuiet(rows, baseline, current)
  settleOnTheMedian(rows, baseline, current)
  const verdict = SEVERITY.find((v) => rows.some((r) => r.verdict === v)) ?? 'pass'
  const disturbance = measured.disturbance ? { current: measured.disturbance, ...(baseline.disturbance ? { baseline: baseline.disturbance } : {}) } : undefined
  return {
    verdict,
    rows,
    basis,
    differences: testbedDifferences(baseline, measured),
    ...(calibration ? { calibration } : {}),
    ...(disturbance ? { disturbance } : {}),
  }
}

/**
 * A timing row on the CPU basis: the metric's statistic of both sides' CPU-time samples, the row
 * marked `basis: 'cpu'`; undefined when the basis leaves the metric as measured.
 */
function onSamplesOf(def: MetricDef, basis: Basis, baseline: BaselineEntry, current: BaselineEntry): { def: MetricDef; b: number; c: number } | undefined {
  if (!def.samples || !def.statistic) return undefined
  const samples = basisSamples(def.samples, basis)
  if (samples === def.samples) return undefined
  const bs = baseline.samples[samples]
  const cs = current.samples[samples]
  if (!bs || !cs) return undefined
  return { def: { ...def, samples }, b: def.statistic(sortSamples(bs)), c: def.statistic(sortSamples(cs)) }
}

function compareMetric(
  def: MetricDef,
  b: number,
  c: number,
  baseline: BaselineEntry,
  current: BaselineEntry,
  tolerance: ReturnType<typeof resolveTolerance>['tolerance'],
  alpha: number,
  intervals: boolean,
): MetricComparison {
  const change = c - b
  const worse = def.better === 'lower' ? change > 0 : change < 0
  const allowed = allowedChange(tolerance, b)
  const row: MetricComparison = {
    metric: def.id,
    unit: def.unit,
    better: def.better,
    baseline: b,
    current: c,
    change,
    changePct: b === 0 ? null : (change / Math.abs(b)) * 100,
    tolerance: describeTolerance(tolerance, def.unit),
    verdict: 'pass',
  }
  if (def.samples) row.basis = def.samples === 'cpu' ? 'cpu' : 'wall'
  const bs = def.samples ? baseline.samples[def.samples] : undefined
  const cs = def.samples ? current.samples[def.samples] : undefined
  // the tolerance in percent of the baseline (not finite for a baseline of 0: the uses below need b !== 0 or samples)
  const tolPct = (allowed / Math.abs(b)) * 100
  const tested = bs && cs ? testChange(def, row, bs, cs, baseline, current, alpha, intervals || worse, Math.abs(change) > allowed) : undefined
  const significant = tested?.significant ?? true
  const between = tested?.between
  if (Math.abs(change) > allowed) {
    if (!significant) {
      row.note = `beyond tolerance, not significant: p=${row.pValue?.toFixed(3)} >= ${alpha}`
      return row
    }
    if (row.interval && b !== 0) {
      const noise = (row.interval.highPct - row.interval.lowPct) / 2
      // the interval reaches back inside the tolerance on the side of no change
      const inside = change > 0 ? row.interval.lowPct <= tolPct : row.interval.highPct >= -tolPct
      if (noise > tolPct && inside) {
        row.verdict = 'unresolved'
        row.note = between
          ? `noise ±${noise.toFixed(1)}% exceeds the tolerance (the ${def.id} of ${between.baseline + between.current} measurements moved by ${(between.sdLog * 100).toFixed(1)}% between them): measure more runs or widen it`
          : `noise ±${noise.toFixed(1)}% exceeds the tolerance: measure more runs or widen it`
        return row
      }
    }
    const slowRuns = bs && cs ? onlyTheSlowerRuns(def, bs, cs, baseline, current, tolPct) : undefined
    if (slowRuns) {
      row.verdict = 'unresolved'
      row.note = slowRuns
      return row
    }
    row.verdict = worse ? 'regressed' : 'improved'
    return row
  }
  if (worse && tolerance.warn && Math.abs(change) > allowedChange(tolerance.warn, b) && significant) row.verdict = 'warned'
  if (worse && row.interval && b !== 0 && borderline(row.interval, change, tolPct)) row.borderline = true
  return row
}

/**
 * The significance of a row's change and, where needed, its interval (set on `row`): the rank test on both
 * sides' runs; the interval for a verdict beyond the tolerance (`beyond`) or when asked (`wanted`: for display,
 * or for a worse change that may be borderline). The rank test asks whether the runs shifted as a whole, so a
 * change of the slowest runs alone is also significant for a tail percentile or a mean when its own interval
 * excludes no change.
 */
function testChange(
  def: MetricDef,
  row: MetricComparison,
  bs: readonly number[],
  cs: readonly number[],
  baseline: BaselineEntry,
  current: BaselineEntry,
  alpha: number,
  wanted: boolean,
  beyond: boolean,
): { significant: boolean; between?: BetweenMeasurements } {
  if (bs.length < MIN_SAMPLES_FOR_TEST || cs.length < MIN_SAMPLES_FOR_TEST) return { significant: true }
  row.pValue = mannWhitneyU(cs, bs).pValue
  let significant = row.pValue < alpha
  const ownTest = def.tail || def.mean
  if (!def.statistic || row.baseline === 0 || !(wanted || ((significant || ownTest) && beyond))) return { significant }
  const between = betweenMeasurements(baseline, current, def.samples!, def.statistic, alpha)
  row.interval = changeInterval(bs, cs, def.statistic, alpha, row.current / row.baseline, between)
  if (ownTest && !significant) significant = row.interval.lowPct > 0 || row.interval.highPct < 0
  return { significant, ...(between ? { between } : {}) }
}

/**
 * The bootstrap interval of the change of `statistic`, in percent, widened where either side pools several
 * measurements to at least ratio x exp(±halfWidth) of how much the statistic moves between them.
 */
function changeInterval(
  bs: readonly number[],
  cs: readonly number[],
  statistic: NonNullable<MetricDef['statistic']>,
  alpha: number,
  ratio: number,
  between: BetweenMeasurements | undefined,
): NonNullable<MetricComparison['interval']> {
  const ci = bootstrapRatioCI(sortSamples(bs), sortSamples(cs), statistic, { resamples: BOOTSTRAP_RESAMPLES, confidence: 1 - alpha })
  const interval = { lowPct: (ci.low - 1) * 100, highPct: (ci.high - 1) * 100, confidence: 1 - alpha }
  if (!between || !(ratio > 0)) return interval
  interval.lowPct = Math.min(interval.lowPct, (ratio * Math.exp(-between.halfWidthLog) - 1) * 100)
  interval.highPct = Math.max(interval.highPct, (ratio * Math.exp(between.halfWidthLog) - 1) * 100)
  return interval
}

/**
 * A worse change within the tolerance, real (its interval excludes no change), whose interval, narrower than
 * the tolerance, reaches beyond it: more measurements settle which side of the tolerance it is on.
 */
function borderline({ lowPct, highPct }: NonNullable<MetricComparison['interval']>, change: number, tolPct: number): boolean {
  const noise = (highPct - lowPct) / 2
  return noise <= tolPct && (change > 0 ? lowPct > 0 && highPct > tolPct : highPct < 0 && lowPct < -tolPct)
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
  const ac = baseline.calibration?.workload ?? 'none'
  const cc = current.calibration?.workload ?? 'none'
  if (ac !== cc) out.push({ field: 'calibration', baseline: ac, current: cc })
  out.push(...optionDifferences(baseline.options, current.options))
  return out
}

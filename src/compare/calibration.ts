/**
 * Machine-speed correction: when the baseline entry and the current one both
 * carry a score of the same reference workload, the current timings are put on
 * the baseline's machine speed before comparing: times (ms) multiplied by
 * factor = (baselineScore / currentScore) ^ CALIBRATION_EXPONENT, rates
 * (runs/s, tokens/s) divided by it. Memory and single `value` numbers are left
 * as they are.
 */
import type { BaselineEntry, CalibrationApplied, SampleSet } from '../types/index.js'
import type { Basis } from './basis.js'
import { isMetricId, METRICS } from '../metrics/catalogue.js'

/**
 * How much of the reference workload's change a timing follows. Measured with bench/gate-quality
 * (two runs of 40 measurements each of the classifier at 128x128 while the machine's speed drifted by
 * up to 20%): the log of its calibrated median varied least at 0.85 and 0.7 (least squares: the
 * model's time moves less than the reference's), and 0.8 lowered the spread in both from 2.9% and
 * 3.1% (full correction) to 2.7% and 2.1%.
 */
export const CALIBRATION_EXPONENT = 0.8

/**
 * The correction two entries allow, or undefined when either has no score or the workloads differ.
 * On the CPU basis (basis.ts) the reference's CPU-time scores make the factor where both entries have
 * one: the wall-time score of a reference that waited for a core would take a busy machine for a slow
 * one. Entries recorded before the CPU score existed fall back to the wall-time scores.
 */
export function calibrationBetween(baseline: BaselineEntry, current: BaselineEntry, basis: Basis = 'wall'): CalibrationApplied | undefined {
  const b = baseline.calibration
  const c = current.calibration
  if (!b || !c || b.workload !== c.workload) return undefined
  if (basis === 'cpu' && b.cpuScoreMs !== undefined && c.cpuScoreMs !== undefined && b.cpuScoreMs > 0 && c.cpuScoreMs > 0) {
    return { factor: (b.cpuScoreMs / c.cpuScoreMs) ** CALIBRATION_EXPONENT, baselineScoreMs: b.cpuScoreMs, currentScoreMs: c.cpuScoreMs, basis: 'cpu' }
  }
  if (!(b.scoreMs > 0) || !(c.scoreMs > 0)) return undefined
  return { factor: (b.scoreMs / c.scoreMs) ** CALIBRATION_EXPONENT, baselineScoreMs: b.scoreMs, currentScoreMs: c.scoreMs }
}

/** Sample sets that hold times (ms) and those that hold rates. */
const TIME_SAMPLES: readonly (keyof SampleSet)[] = ['latency', 'cpu', 'ttft', 'tpot', 'itl', 'e2e']
const RATE_SAMPLES: readonly (keyof SampleSet)[] = ['tokensPerSecond']

/** `entry` with its timings put on another machine speed: times x factor, rates / factor. */
export function calibrated(entry: BaselineEntry, factor: number): BaselineEntry {
  const metrics: Record<string, number> = {}
  for (const [id, v] of Object.entries(entry.metrics)) {
    const unit = isMetricId(id) ? METRICS.get(id)?.unit : undefined
    metrics[id] = unit === 'ms' ? v * factor : unit === 'runs/s' || unit === 'tokens/s' ? v / factor : v
  }
  const samples: SampleSet = { ...entry.samples }
  for (const k of TIME_SAMPLES) if (samples[k]) samples[k] = samples[k].map((x) => x * factor)
  for (const k of RATE_SAMPLES) if (samples[k]) samples[k] = samples[k].map((x) => x / factor)
  return { ...entry, metrics, samples }
}

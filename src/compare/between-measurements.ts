/**
 * How much a statistic moves between measurements of the same code. Pure.
 *
 * The per-run samples of one measurement say how precisely that measurement
 * knows its statistic; they cannot say how much the statistic moves when the
 * same code is measured again later, in a fresh process, with the machine's
 * interruptions at another rate. Measured with bench/gate-quality on the
 * project's 2-core machine: the median of an unchanged 0.4 ms model moved by
 * about 1% between measurements, its 95th percentile between 1.2x and 1.7x
 * the median, while each measurement's own bootstrap interval of the 95th
 * percentile was a few percent wide.
 *
 * An entry that pools several measurements (a new entry is recorded from
 * 1 + `confirm`; a confirmed verdict pools the confirmation's) knows where each
 * measurement's samples are (`measurements`, pool-entries.ts): from them, each
 * measurement's statistic, and the spread of its log (the standard deviation,
 * pooled over both sides where both have several). The change's ratio then
 * has a between-measurement interval of ratio x exp(±z·s·√(1/nb + 1/nc)) at
 * the comparison's confidence, which the gate takes together with the
 * bootstrap interval (compare-entry.ts).
 */
import { normalQuantile, sortSamples, type SortedSamples } from '../stats/index.js'
import type { BaselineEntry, SampleSet } from '../types/index.js'

/** Each measurement's statistic of `set`, in order; undefined for an entry of one measurement, or sizes that do not add up. */
export function perMeasurement(entry: BaselineEntry, set: keyof SampleSet, statistic: (sorted: SortedSamples) => number): number[] | undefined {
  const sizes = entry.measurements?.[set]
  const samples = entry.samples[set]
  if (!sizes || sizes.length < 2 || !samples || sizes.reduce((a, n) => a + n, 0) !== samples.length || sizes.some((n) => n < 1)) return undefined
  const out: number[] = []
  let at = 0
  for (const n of sizes) {
    out.push(statistic(sortSamples(samples.slice(at, at + n))))
    at += n
  }
  return out
}

export interface BetweenMeasurements {
  /** Standard deviation of the log of one measurement's statistic. */
  sdLog: number
  /** Measurements on each side. */
  baseline: number
  current: number
  /** Half-width of the interval of the log of the ratio current / baseline: z·sdLog·√(1/baseline + 1/current). */
  halfWidthLog: number
}

/**
 * The spread between measurements of the statistic of `set`, from whichever side pools several
 * (both, pooled), at confidence 1 - alpha; undefined when neither side does or a statistic is not positive.
 */
export function betweenMeasurements(
  baseline: BaselineEntry,
  current: BaselineEntry,
  set: keyof SampleSet,
  statistic: (sorted: SortedSamples) => number,
  alpha: number,
): BetweenMeasurements | undefined {
  const sides = [perMeasurement(baseline, set, statistic), perMeasurement(current, set, statistic)]
  let squares = 0
  let df = 0
  for (const values of sides) {
    if (!values) continue
    if (values.some((v) => !(v > 0))) return undefined
    const logs = values.map(Math.log)
    const m = logs.reduce((a, x) => a + x, 0) / logs.length
    squares += logs.reduce((a, x) => a + (x - m) ** 2, 0)
    df += logs.length - 1
  }
  if (df === 0) return undefined
  const sdLog = Math.sqrt(squares / df)
  const nb = sides[0]?.length ?? 1
  const nc = sides[1]?.length ?? 1
  const z = normalQuantile(1 - alpha / 2)
  return { sdLog, baseline: nb, current: nc, halfWidthLog: z * sdLog * Math.sqrt(1 / nb + 1 / nc) }
}

import { mean as meanOf } from './mean.js'
import { percentile } from './percentile.js'
import { sortSamples } from './sorted.js'

/** Descriptive statistics of one sample set; see {@link summarize} for the definitions. */
export interface SampleSummary {
  /** Number of samples. */
  n: number
  /** Arithmetic mean, Σx / n. */
  mean: number
  /** Sample standard deviation, √(Σ(x - mean)² / (n - 1)); 0 when n = 1. */
  sd: number
  /** Smallest sample. */
  min: number
  /** Largest sample. */
  max: number
  /** Median, `percentile(·, 50)` (linear interpolation, numpy default). */
  p50: number
  /** `percentile(·, 90)`. */
  p90: number
  /** `percentile(·, 95)`. */
  p95: number
  /** `percentile(·, 99)`. */
  p99: number
  /** Coefficient of variation, sd / mean; 0 when mean is 0. */
  cv: number
}

/**
 * Summarizes `samples` (any order; the input is not modified).
 *
 * - `mean` is Σx / n.
 * - `sd` is the *sample* standard deviation with Bessel's correction
 *   (n - 1 denominator), computed in two passes around the mean; 0 when n = 1.
 *   (simple-statistics' sampleStandardDeviation differs by up to 6 ulp: its
 *   mean is a compensated sum.)
 * - percentiles use {@link percentile} (linear interpolation between order
 *   statistics, i.e. numpy's default / Excel `PERCENTILE.INC`).
 * - `cv` is sd / mean, defined as 0 when mean is 0.
 *
 * @throws RangeError on an empty input
 * @throws TypeError if any sample is NaN or ±Infinity
 */
export function summarize(samples: readonly number[]): SampleSummary {
  const n = samples.length
  if (n === 0) throw new RangeError('summarize: cannot summarize zero samples')
  const sorted = sortSamples(samples)
  const mean = meanOf(sorted)
  let ss = 0
  for (const x of sorted) ss += (x - mean) ** 2
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0
  return {
    n,
    mean,
    sd,
    min: sorted[0]!,
    max: sorted[n - 1]!,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    cv: mean === 0 ? 0 : sd / mean,
  }
}

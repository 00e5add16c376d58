import { assertFiniteSamples, type SortedSamples } from './sorted.js'

/** z for a two-sided 99% normal interval. */
export const Z_99 = 2.5758293035489

/**
 * Distribution-free confidence interval of the median from order statistics:
 * with n sorted samples, the ranks (1-based) j = floor(n/2 - z sqrt(n)/2) and
 * k = ceil(n/2 + z sqrt(n)/2) + 1, clamped to [1, n], bracket the median at
 * about the normal level of z (binomial with p = 1/2, normal approximation).
 * Cheap enough to check while sampling.
 */
export function medianInterval(sorted: SortedSamples, z: number = Z_99): { low: number; high: number } {
  assertFiniteSamples(sorted)
  const n = sorted.length
  if (n === 0) throw new RangeError('medianInterval needs at least one sample')
  const half = (z * Math.sqrt(n)) / 2
  const j = Math.min(n, Math.max(1, Math.floor(n / 2 - half)))
  const k = Math.min(n, Math.max(1, Math.ceil(n / 2 + half) + 1))
  return { low: sorted[j - 1]!, high: sorted[k - 1]! }
}

/** Half the interval's width relative to the median: 0.025 means ±2.5%. */
export function relativeHalfWidth(interval: { low: number; high: number }, median: number): number {
  return median === 0 ? Infinity : (interval.high - interval.low) / 2 / Math.abs(median)
}

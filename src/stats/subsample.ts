import { percentile } from './percentile.js'
import type { SortedSamples } from './sorted.js'

/**
 * Reduces ascending samples to at most `maxPoints` values that keep the shape
 * of the distribution, so a stored baseline has bounded size.
 *
 * - n <= maxPoints: returns a copy of `sorted`.
 * - otherwise: returns exactly `maxPoints` values, the i-th being
 *   `percentile(sorted, 100·i / (maxPoints - 1))` for i = 0 .. maxPoints - 1,
 *   i.e. evenly spaced ranks from the minimum (i = 0) to the maximum
 *   (i = maxPoints - 1), interpolated linearly between order statistics.
 *
 * The output is ascending in both cases.
 *
 * @throws RangeError if `maxPoints` is not an integer >= 2 (the min and max
 *   alone need two points)
 */
export function quantileSubsample(sorted: SortedSamples, maxPoints: number): number[] {
  if (!Number.isInteger(maxPoints) || maxPoints < 2) {
    throw new RangeError(`quantileSubsample: maxPoints must be an integer >= 2, got ${maxPoints}`)
  }
  if (sorted.length <= maxPoints) return sorted.slice()
  const out = new Array<number>(maxPoints)
  for (let i = 0; i < maxPoints; i++) out[i] = percentile(sorted, (100 * i) / (maxPoints - 1))
  return out
}

/**
 * Reduces ascending samples to at most `maxPoints` values whose mean is the
 * samples' mean: the means of `maxPoints` equal-count slices of the sorted
 * samples (slice i covers ranks i·n/m to (i+1)·n/m, a sample split between
 * two slices counting in both by its share). What a baseline stores: a
 * quantile subsample (above) keeps the maximum as one of 200 points, so one
 * 5 ms run among 5,000 of 0.25 ms weighs 25 times its share in a mean, and
 * throughput (1000 / mean) computed from it moves with the slowest run.
 *
 * - n <= maxPoints: returns a copy of `sorted`.
 * - otherwise: exactly `maxPoints` ascending values, each the mean of its slice.
 *
 * @throws RangeError if `maxPoints` is not an integer >= 1
 */
export function sliceMeans(sorted: SortedSamples, maxPoints: number): number[] {
  if (!Number.isInteger(maxPoints) || maxPoints < 1) {
    throw new RangeError(`sliceMeans: maxPoints must be an integer >= 1, got ${maxPoints}`)
  }
  const n = sorted.length
  if (n <= maxPoints) return sorted.slice()
  // prefix[k] = sum of the first k samples; the sum up to a fractional rank x adds the part of sample floor(x)
  const prefix = new Float64Array(n + 1)
  for (let k = 0; k < n; k++) prefix[k + 1] = prefix[k]! + sorted[k]!
  const sumTo = (x: number) => {
    const k = Math.floor(x)
    return k >= n ? prefix[n]! : prefix[k]! + (x - k) * sorted[k]!
  }
  const width = n / maxPoints
  const out = new Array<number>(maxPoints)
  for (let i = 0; i < maxPoints; i++) out[i] = (sumTo((i + 1) * width) - sumTo(i * width)) / width
  return out
}

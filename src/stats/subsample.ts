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

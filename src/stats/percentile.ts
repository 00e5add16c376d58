import type { SortedSamples } from './sorted.js'

/**
 * The `p`-th percentile of ascending samples by linear interpolation between
 * order statistics.
 *
 * Definition (0-based indices, n = `sorted.length`):
 *
 *     h = (n - 1) · p / 100
 *     percentile = x[⌊h⌋] + (h - ⌊h⌋) · (x[⌊h⌋ + 1] - x[⌊h⌋])
 *
 * so p = 0 gives the minimum, p = 100 the maximum, and p = 50 the usual median.
 * This is numpy's default (`method='linear'`, Hyndman & Fan type 7), R's
 * `quantile(type = 7)` and Excel's `PERCENTILE.INC`.
 *
 * simple-statistics' `quantileSorted` is type 7 too, but computes the index as
 * (n - 1)·(p / 100), which rounds differently (up to 7 ulp here), so recorded
 * baselines would no longer compare bit for bit: this one is kept.
 *
 * @param sorted ascending samples (see `sortSamples`)
 * @param p percentile in [0, 100]
 * @throws RangeError if `sorted` is empty or `p` is outside [0, 100] (or NaN)
 */
export function percentile(sorted: SortedSamples, p: number): number {
  const n = sorted.length
  if (n === 0) throw new RangeError('percentile: cannot take a percentile of zero samples')
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile: p must be in [0, 100], got ${p}`)
  const h = ((n - 1) * p) / 100
  const lo = Math.floor(h)
  const frac = h - lo
  const xLo = sorted[lo]!
  if (frac === 0 || lo + 1 >= n) return xLo
  const xHi = sorted[lo + 1]!
  return xLo + frac * (xHi - xLo)
}

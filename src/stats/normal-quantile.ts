import { errorFunction } from 'simple-statistics'

/**
 * The standard normal quantile: z with Φ(z) = p, for 0 < p < 1, by bisection on Φ(z) = (1 + erf(z/√2)) / 2
 * with simple-statistics' error function (its `probit` is a rougher approximation: 2.5692 for 0.995,
 * where the quantile is 2.5758).
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`)
  let low = -40
  let high = 40
  for (let i = 0; i < 100; i++) {
    const mid = (low + high) / 2
    if ((1 + errorFunction(mid / Math.SQRT2)) / 2 < p) low = mid
    else high = mid
  }
  return (low + high) / 2
}

/**
 * The arithmetic mean, Σx / n, summed left to right.
 *
 * simple-statistics' `mean` is not used: it sums with compensation (Kahan),
 * which differs from this sum by up to 2 ulp (e.g. [0.1, 0.2, 0.3]), and
 * baselines recorded with this sum must keep comparing bit for bit.
 *
 * @returns NaN for no samples
 */
export function mean(xs: readonly number[]): number {
  let sum = 0
  for (const x of xs) sum += x
  return sum / xs.length
}

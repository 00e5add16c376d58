import { mean } from './mean.js'
import { assertFiniteSamples } from './sorted.js'

/** Result of {@link linearFit}: the line y ≈ slope·x + intercept and Pearson's r. */
export interface LinearFit {
  /** Least-squares slope, Sxy / Sxx. */
  slope: number
  /** Least-squares intercept, ȳ - slope·x̄. */
  intercept: number
  /** Pearson correlation Sxy / √(Sxx·Syy) in [-1, 1]; 0 when ys are constant. */
  r: number
}

/**
 * Ordinary least-squares fit of y on x.
 *
 * With x̄, ȳ the means, Sxx = Σ(x - x̄)², Syy = Σ(y - ȳ)², Sxy = Σ(x - x̄)(y - ȳ):
 * slope = Sxy / Sxx, intercept = ȳ - slope·x̄, r = Sxy / √(Sxx·Syy)
 * (clamped to [-1, 1] against rounding). When every y is equal the line is
 * flat and r is reported as 0 (correlation is undefined there).
 *
 * Not simple-statistics' `linearRegression` + `sampleCorrelation`: the slope
 * agrees, but its r differs from Sxy / √(Sxx·Syy) by up to 3 ulp.
 *
 * @throws RangeError if the arrays differ in length, hold fewer than 2 points,
 *   or all xs are equal (the slope is undefined)
 * @throws TypeError if any value is NaN or ±Infinity
 */
export function linearFit(xs: readonly number[], ys: readonly number[]): LinearFit {
  const n = xs.length
  if (ys.length !== n) {
    throw new RangeError(`linearFit: xs and ys must have the same length (got ${n} and ${ys.length})`)
  }
  if (n < 2) throw new RangeError(`linearFit: need at least 2 points, got ${n}`)
  assertFiniteSamples(xs, 'xs')
  assertFiniteSamples(ys, 'ys')

  const meanX = mean(xs)
  const meanY = mean(ys)
  let sxx = 0
  let syy = 0
  let sxy = 0
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - meanX
    const dy = ys[i]! - meanY
    sxx += dx * dx
    syy += dy * dy
    sxy += dx * dy
  }
  if (sxx === 0) throw new RangeError('linearFit: all xs are equal, so the slope is undefined')
  const slope = sxy / sxx
  const r = syy === 0 ? 0 : Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)))
  return { slope, intercept: meanY - slope * meanX, r }
}

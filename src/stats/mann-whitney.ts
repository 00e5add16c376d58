import { errorFunction } from 'simple-statistics'
import { assertFiniteSamples } from './sorted.js'

/** Result of {@link mannWhitneyU}. */
export interface MannWhitneyResult {
  /**
   * U for sample `a`: the number of pairs (x from a, y from b) with x > y, plus
   * half the number of pairs with x = y. Ranges over [0, n_a·n_b].
   */
  u: number
  /**
   * Standardized statistic (U - n_a·n_b/2 ∓ 0.5) / σ_U with tie and continuity
   * correction. Positive when `a` tends to be larger than `b`; 0 when the
   * continuity-corrected difference vanishes or σ_U is 0.
   */
  z: number
  /** Two-sided p-value from the normal approximation, 2·(1 - Φ(|z|)), in [0, 1]. */
  pValue: number
  /**
   * Common-language effect size U / (n_a·n_b): the probability that a random
   * draw from `a` exceeds a random draw from `b` (ties counting one half).
   * 0.5 means no tendency either way.
   */
  effect: number
}

/**
 * Two-sided Mann-Whitney U (Wilcoxon rank-sum) test of whether `a` and `b`
 * come from distributions where neither tends to be larger.
 *
 * Definition, with N = n_a + n_b:
 *
 * 1. Rank the pooled samples 1..N, giving tied values their mid-rank (the
 *    mean of the ranks they span).
 * 2. U = R_a - n_a(n_a + 1)/2, where R_a is the rank sum of `a`; this equals
 *    #{x > y} + ½·#{x = y} over all pairs (x ∈ a, y ∈ b).
 * 3. μ_U = n_a·n_b / 2 and the tie-corrected variance
 *    σ_U² = (n_a·n_b / 12)·[(N + 1) - Σ(t³ - t) / (N(N - 1))],
 *    the sum running over groups of t tied values.
 * 4. Continuity correction: z = sign(U - μ_U)·max(|U - μ_U| - ½, 0) / σ_U.
 * 5. pValue = 2·(1 - Φ(|z|)) = erfc(|z|/√2), with Φ from simple-statistics'
 *    `errorFunction` (absolute error below ~1.2e-7; p-values below ~1e-15
 *    underflow to 0).
 *
 * The p-value comes from the **normal approximation** (not the exact
 * permutation distribution). It is adequate for n >= 8 per group and
 * conservative-to-rough below that; callers gating on p should collect at least
 * 8 samples per side. When every pooled value is identical (σ_U = 0), z = 0 and
 * pValue = 1.
 *
 * This matches `scipy.stats.mannwhitneyu(a, b, alternative='two-sided',
 * method='asymptotic', use_continuity=True)` for `u` and `pValue`.
 *
 * @throws RangeError if either sample is empty
 * @throws TypeError if any sample is NaN or ±Infinity
 */
export function mannWhitneyU(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  const na = a.length
  const nb = b.length
  if (na === 0 || nb === 0) {
    throw new RangeError(`mannWhitneyU: both samples must be non-empty (got ${na} and ${nb})`)
  }
  assertFiniteSamples(a, 'a')
  assertFiniteSamples(b, 'b')

  const n = na + nb
  const pooled: { value: number; fromA: boolean }[] = []
  for (const value of a) pooled.push({ value, fromA: true })
  for (const value of b) pooled.push({ value, fromA: false })
  pooled.sort((p, q) => p.value - q.value)

  let rankSumA = 0
  let tieTerm = 0 // Σ(t³ - t)
  for (let start = 0; start < n;) {
    let end = start + 1
    while (end < n && pooled[end]!.value === pooled[start]!.value) end++
    const t = end - start
    const midRank = (start + 1 + end) / 2 // mean of the ranks start+1 .. end
    for (let i = start; i < end; i++) if (pooled[i]!.fromA) rankSumA += midRank
    tieTerm += t * t * t - t
    start = end
  }

  const u = rankSumA - (na * (na + 1)) / 2
  const mu = (na * nb) / 2
  const variance = ((na * nb) / 12) * (n + 1 - tieTerm / (n * (n - 1)))
  const diff = u - mu
  const corrected = Math.sign(diff) * Math.max(Math.abs(diff) - 0.5, 0)
  const z = variance > 0 && corrected !== 0 ? corrected / Math.sqrt(variance) : 0
  const pValue = Math.min(1, Math.max(0, 1 - errorFunction(Math.abs(z) / Math.SQRT2)))
  return { u, z, pValue, effect: u / (na * nb) }
}

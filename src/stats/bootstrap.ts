import { percentile } from './percentile.js'
import { mulberry32 } from './rng.js'
import { assertFiniteSamples, type SortedSamples } from './sorted.js'

/** Options for {@link bootstrapRatioCI}. */
export interface BootstrapRatioOptions {
  /** Number of bootstrap replicates (integer >= 1). Default 2000. */
  resamples?: number
  /** Two-sided coverage of the interval, in (0, 1). Default 0.99. */
  confidence?: number
  /** Seed for the mulberry32 generator; same seed, same interval. Default 1. */
  seed?: number
}

/** Result of {@link bootstrapRatioCI}. */
export interface BootstrapRatioResult {
  /** Point estimate statistic(current) / statistic(baseline) on the full samples. */
  ratio: number
  /** Lower end of the percentile-bootstrap interval of the ratio. */
  low: number
  /** Upper end of the percentile-bootstrap interval of the ratio. */
  high: number
}

/**
 * Percentile-bootstrap confidence interval for the ratio
 * statistic(current) / statistic(baseline) (e.g. ratio of medians; > 1 means
 * `current` is slower when the samples are latencies).
 *
 * Procedure:
 *
 * 1. `ratio` = statistic(sort(current)) / statistic(sort(baseline)).
 * 2. For each of `resamples` replicates: draw n_baseline values from
 *    `baseline` with replacement and n_current values from `current` with
 *    replacement (the two groups are resampled independently, baseline first,
 *    indices `⌊u·n⌋` from a single mulberry32 stream seeded with `seed`), sort
 *    each, and record statistic(current*) / statistic(baseline*).
 * 3. `low` and `high` are the (1 - confidence)/2 and (1 + confidence)/2
 *    quantiles of the replicate ratios, taken with `percentile` (linear
 *    interpolation).
 *
 * The result is fully deterministic for given inputs, statistic and options.
 *
 * @param statistic receives ascending samples; must return a finite, non-zero
 *   value for the baseline and its resamples (e.g. `s => percentile(s, 50)`)
 * @throws RangeError if a sample set is empty, options are out of range, or the
 *   statistic makes a ratio non-finite (zero or non-finite denominator)
 * @throws TypeError if any sample is NaN or ±Infinity
 */
export function bootstrapRatioCI(
  baseline: readonly number[],
  current: readonly number[],
  statistic: (sorted: SortedSamples) => number,
  opts: BootstrapRatioOptions = {},
): BootstrapRatioResult {
  const { resamples = 2000, confidence = 0.99, seed = 1 } = opts
  if (baseline.length === 0 || current.length === 0) {
    throw new RangeError(`bootstrapRatioCI: both samples must be non-empty (got ${baseline.length} and ${current.length})`)
  }
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`bootstrapRatioCI: resamples must be an integer >= 1, got ${resamples}`)
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`bootstrapRatioCI: confidence must be in (0, 1), got ${confidence}`)
  }
  assertFiniteSamples(baseline, 'baseline')
  assertFiniteSamples(current, 'current')

  const ratioOf = (base: number[], cur: number[], what: string): number => {
    const r = statistic(cur.sort(ascending) as unknown as SortedSamples) / statistic(base.sort(ascending) as unknown as SortedSamples)
    if (!Number.isFinite(r)) {
      throw new RangeError(`bootstrapRatioCI: statistic ratio on ${what} is ${r}; the baseline statistic must be finite and non-zero`)
    }
    return r
  }

  const ratio = ratioOf(baseline.slice(), current.slice(), 'the full samples')
  const next = mulberry32(seed)
  // Ascending input (what the gate passes): count the draws per index and lay them out in order,
  // the same multiset as drawing values, already sorted, so a replicate costs O(n) instead of a sort.
  const draw = (xs: readonly number[], ascendingInput: boolean): number[] => {
    const n = xs.length
    const out = new Array<number>(n)
    if (!ascendingInput) {
      for (let i = 0; i < n; i++) out[i] = xs[Math.floor(next() * n)]!
      return out
    }
    const counts = new Uint32Array(n)
    for (let i = 0; i < n; i++) counts[Math.floor(next() * n)]!++
    let k = 0
    for (let j = 0; j < n; j++) for (let c = counts[j]!; c > 0; c--) out[k++] = xs[j]!
    return out
  }
  const baseAscending = isAscending(baseline)
  const curAscending = isAscending(current)
  const replicates = new Array<number>(resamples)
  for (let r = 0; r < resamples; r++) {
    const base = draw(baseline, baseAscending)
    const cur = draw(current, curAscending)
    replicates[r] = ratioOf(base, cur, `bootstrap replicate ${r}`)
  }
  replicates.sort(ascending)
  const sorted = replicates as unknown as SortedSamples
  const alpha = 1 - confidence
  return {
    ratio,
    low: percentile(sorted, (100 * alpha) / 2),
    high: percentile(sorted, 100 * (1 - alpha / 2)),
  }
}

function ascending(a: number, b: number): number {
  return a - b
}

function isAscending(xs: readonly number[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i - 1]! > xs[i]!) return false
  return true
}

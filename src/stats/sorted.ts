/**
 * Samples known to be in ascending order and free of NaN/±Infinity.
 *
 * The brand is a compile-time marker only (no runtime property exists); values
 * of this type are produced by {@link sortSamples} or narrowed by
 * {@link isSorted}, so functions that need order statistics (such as
 * `percentile`) can demand sorted input in their signature instead of
 * re-sorting on every call.
 */
export type SortedSamples = readonly number[] & { readonly __sorted: true }

/**
 * Throws a `TypeError` naming the first element of `xs` that is not a finite
 * number (NaN, Infinity, -Infinity, or not a number at all).
 *
 * @param xs samples to check
 * @param what label used in the error message, e.g. `"baseline"`
 */
export function assertFiniteSamples(xs: readonly number[], what = 'samples'): void {
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new TypeError(`${what}[${i}] is ${String(x)}; every sample must be a finite number`)
    }
  }
}

/**
 * Returns an ascending copy of `xs` (the input is left untouched).
 *
 * Order is numeric (`a - b`), not the default lexicographic `Array#sort`.
 *
 * @throws TypeError if any element is NaN or ±Infinity, because such values
 *   have no place in an ordering and would silently corrupt percentiles.
 */
export function sortSamples(xs: readonly number[]): SortedSamples {
  assertFiniteSamples(xs)
  return xs.slice().sort((a, b) => a - b) as unknown as SortedSamples
}

/**
 * Type guard: true when every element of `xs` is finite and each element is
 * `>=` its predecessor (non-decreasing order; ties allowed). The empty array and
 * single-element arrays are sorted.
 */
export function isSorted(xs: readonly number[]): xs is SortedSamples {
  let prev = -Infinity
  for (const x of xs) {
    if (!Number.isFinite(x) || x < prev) return false
    prev = x
  }
  return true
}

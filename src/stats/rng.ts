/**
 * mulberry32: a tiny, fast 32-bit-state pseudo-random generator (Tommy
 * Ettinger's public-domain design). Returns a function yielding floats uniformly
 * distributed in [0, 1) with 2^-32 resolution; the same `seed` always yields the
 * same sequence.
 *
 * Not cryptographic. Used to make bootstrap resampling reproducible.
 *
 * @param seed any number; it is reduced to an unsigned 32-bit integer (`seed >>> 0`)
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

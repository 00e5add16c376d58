/**
 * Seeded, platform-independent pseudo-random numbers for weight generation.
 *
 * The stream is perfgate's own mulberry32 (src/stats/rng.ts): only integer
 * arithmetic (Math.imul, shifts) and exact divisions by powers of two, so it is
 * bit-identical on every JS engine/platform.
 */
import { mulberry32 } from '../../../src/stats/rng.js'

/** Derives an independent stream seed from a base seed and a label (FNV-1a over the label). */
export function deriveSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

export class Rng {
  private readonly next: () => number

  constructor(seed: number) {
    this.next = mulberry32(seed)
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next()
  }

  /** Uniform in [-bound, bound). */
  uniform(bound: number): number {
    return (this.next() * 2 - 1) * bound
  }

  /**
   * Approximately normal with mean 0 and the given standard deviation
   * (Irwin–Hall: the centred sum of 4 uniforms, variance 1/3, rescaled; so
   * bounded at ±2·sqrt(3)·std ≈ ±3.46·std).
   */
  normalish(std: number): number {
    const s = this.next() + this.next() + this.next() + this.next() - 2
    return s * std * Math.sqrt(3)
  }

  /** `n` values uniform in ±bound, as a Float32Array. */
  uniformArray(n: number, bound: number): Float32Array {
    const out = new Float32Array(n)
    for (let i = 0; i < n; i++) out[i] = this.uniform(bound)
    return out
  }

  /** `n` normal-ish values with the given std, as a Float32Array. */
  normalishArray(n: number, std: number): Float32Array {
    const out = new Float32Array(n)
    for (let i = 0; i < n; i++) out[i] = this.normalish(std)
    return out
  }
}

/**
 * Weights initialised like PyTorch's default for Linear/Conv layers: uniform
 * in ±1/sqrt(fan_in).
 */
export function initWeights(rng: Rng, n: number, fanIn: number): Float32Array {
  return rng.uniformArray(n, 1 / Math.sqrt(fanIn))
}

/** A named weight stream: the same (seed, label) always gives the same values. */
export function weightsFor(seed: number, label: string, n: number, fanIn: number): Float32Array {
  return initWeights(new Rng(deriveSeed(seed, label)), n, fanIn)
}

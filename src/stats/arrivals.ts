/**
 * Arrival times of an open-loop load test: a renewal process whose gaps are gamma distributed with mean
 * 1 / rate and shape `burstiness` (vLLM's `--burstiness`): 1 is a Poisson process (exponential gaps),
 * below 1 burstier, above 1 more even; the gaps' coefficient of variation is 1 / sqrt(burstiness).
 * Seeded (mulberry32), so the same seed always gives the same schedule. Pure.
 */
import { mulberry32 } from './rng.js'

/** A standard normal draw (Box-Muller) from two uniform draws. */
function normal(uniform: () => number): number {
  const u = 1 - uniform() // (0, 1]: log(0) never happens
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform())
}

/** A gamma(shape, 1) draw: Marsaglia and Tsang's method, with the usual boost for shape < 1. */
export function gammaDraw(shape: number, uniform: () => number): number {
  if (shape < 1) return gammaDraw(shape + 1, uniform) * Math.pow(1 - uniform(), 1 / shape)
  const d = shape - 1 / 3
  const c = 1 / Math.sqrt(9 * d)
  for (;;) {
    let x: number
    let v: number
    do {
      x = normal(uniform)
      v = 1 + c * x
    } while (v <= 0)
    v = v * v * v
    const u = 1 - uniform()
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v
  }
}

/**
 * When each request of a level is due, ms from the level's start: gaps drawn as above, every arrival
 * before `durationMs`, at most `maxRequests` of them. The first arrives after one gap, as in a Poisson
 * process observed from time 0.
 */
export function arrivalSchedule(rate: number, durationMs: number, options: { burstiness?: number; seed?: number; maxRequests?: number } = {}): number[] {
  const shape = options.burstiness ?? 1
  const meanGapMs = 1000 / rate
  const uniform = mulberry32(options.seed ?? 1)
  const out: number[] = []
  const most = options.maxRequests ?? Infinity
  for (let t = gammaDraw(shape, uniform) * (meanGapMs / shape); t < durationMs && out.length < most; t += gammaDraw(shape, uniform) * (meanGapMs / shape)) {
    out.push(t)
  }
  return out
}

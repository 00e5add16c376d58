/** The open-loop arrival schedule: seeded, mean gap 1 / rate, and burstiness setting the gaps' spread. */
import { describe, expect, it } from 'vitest'
import { arrivalSchedule, gammaDraw } from '../../../src/stats/arrivals.js'
import { mulberry32 } from '../../../src/stats/rng.js'

function gaps(times: readonly number[]): number[] {
  return times.map((t, i) => t - (i === 0 ? 0 : times[i - 1]!))
}
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
function cv(xs: readonly number[]): number {
  const m = mean(xs)
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2))) / m
}

describe('arrivalSchedule', () => {
  it('is the same for the same seed, different for another, and stays inside the level', () => {
    const a = arrivalSchedule(4, 10_000, { seed: 7 })
    expect(arrivalSchedule(4, 10_000, { seed: 7 })).toEqual(a)
    expect(arrivalSchedule(4, 10_000, { seed: 8 })).not.toEqual(a)
    expect(a.every((t, i) => t > 0 && t < 10_000 && (i === 0 || t > a[i - 1]!))).toBe(true)
    expect(arrivalSchedule(4, 10_000, { seed: 7, maxRequests: 5 })).toEqual(a.slice(0, 5))
  })

  it('the first draws of seed 1 at 2 requests/s, Poisson', () => {
    expect(arrivalSchedule(2, 2000, { seed: 1 }).map((t) => Math.round(t))).toEqual([1298, 1539])
  })

  it('offers the rate on average: Poisson gaps have a coefficient of variation of 1, burstiness b one of 1 / sqrt(b)', () => {
    for (const [burstiness, expectedCv] of [
      [1, 1],
      [0.25, 2],
      [4, 0.5],
    ] as const) {
      const g = gaps(arrivalSchedule(10, 2_000_000, { seed: 3, burstiness }))
      expect(g.length).toBeGreaterThan(19_000)
      expect(mean(g)).toBeCloseTo(100, -0.5) // within 1.6 ms of 100 ms over 20000 gaps
      expect(Math.abs(cv(g) - expectedCv)).toBeLessThan(0.05 * expectedCv)
    }
  })

  it('gammaDraw has mean shape for shapes below and above 1', () => {
    for (const shape of [0.5, 1, 3]) {
      const u = mulberry32(11)
      const xs = Array.from({ length: 50_000 }, () => gammaDraw(shape, u))
      expect(Math.abs(mean(xs) - shape)).toBeLessThan(0.03 * shape)
    }
  })
})

import { quantileSorted } from 'simple-statistics'
import { describe, it, expect } from 'vitest'
import { percentile } from '../../../src/stats/percentile.js'
import { sortSamples } from '../../../src/stats/sorted.js'

describe('percentile (linear interpolation, numpy default / PERCENTILE.INC)', () => {
  const s = sortSamples([1, 2, 3, 4])

  it('interpolates between order statistics', () => {
    // h = 3 * 0.9 = 2.7 -> x[2] + 0.7 * (x[3] - x[2]) = 3 + 0.7 = 3.7 (numpy.percentile gives 3.7)
    expect(percentile(s, 90)).toBeCloseTo(3.7, 12)
    // h = 1.5 -> 2 + 0.5 * 1 = 2.5
    expect(percentile(s, 50)).toBe(2.5)
    // h = 0.75 -> 1 + 0.75 * 1 = 1.75
    expect(percentile(s, 25)).toBe(1.75)
  })

  it('returns min at p=0 and max at p=100', () => {
    expect(percentile(s, 0)).toBe(1)
    expect(percentile(s, 100)).toBe(4)
  })

  it('lands exactly on an order statistic when h is an integer', () => {
    // n = 5, p = 25 -> h = 1 -> x[1] = 20
    expect(percentile(sortSamples([10, 20, 30, 40, 50]), 25)).toBe(20)
  })

  it('handles a single sample and ties', () => {
    expect(percentile(sortSamples([7]), 0)).toBe(7)
    expect(percentile(sortSamples([7]), 63)).toBe(7)
    expect(percentile(sortSamples([5, 5, 5]), 99)).toBe(5)
  })

  it('throws RangeError for empty input or p out of range', () => {
    expect(() => percentile(sortSamples([]), 50)).toThrow(RangeError)
    expect(() => percentile(s, -0.1)).toThrow(RangeError)
    expect(() => percentile(s, 100.1)).toThrow(RangeError)
    expect(() => percentile(s, NaN)).toThrow(RangeError)
  })
})

describe('percentile against simple-statistics', () => {
  it("computes the index as (n - 1)·p / 100, where quantileSorted's (n - 1)·(p / 100) rounds differently, so ours is kept", () => {
    const xs = sortSamples([0, 1, 2, 3])
    // type 7 on 0..3: the p-th percentile is exactly 3·p / 100
    expect(percentile(xs, 10)).toBe(0.3)
    expect(percentile(xs, 95)).toBe(2.85)
    expect(quantileSorted([...xs], 0.1)).toBe(0.30000000000000004)
    expect(quantileSorted([...xs], 0.95)).toBe(2.8499999999999996)
  })
})

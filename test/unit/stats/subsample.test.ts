import { describe, it, expect } from 'vitest'
import { sortSamples } from '../../../src/stats/sorted.js'
import { quantileSubsample, sliceMeans } from '../../../src/stats/subsample.js'

describe('quantileSubsample', () => {
  it('returns a copy when n <= maxPoints', () => {
    const s = sortSamples([1, 2, 3])
    const out = quantileSubsample(s, 3)
    expect(out).toEqual([1, 2, 3])
    expect(out).not.toBe(s)
    expect(quantileSubsample(sortSamples([]), 5)).toEqual([])
  })

  it('takes evenly spaced ranks including min and max', () => {
    // n = 11 (0..10), maxPoints = 5 -> p = 0,25,50,75,100 -> h = 10p/100 = 0, 2.5, 5, 7.5, 10
    const s = sortSamples(Array.from({ length: 11 }, (_, i) => i))
    expect(quantileSubsample(s, 5)).toEqual([0, 2.5, 5, 7.5, 10])
  })

  it('interpolates on a skewed sample', () => {
    // [0,1,4,9,16,25], maxPoints 3 -> h = 0, 2.5, 5 -> 0, 4 + 0.5*(9-4) = 6.5, 25
    expect(quantileSubsample(sortSamples([25, 0, 16, 1, 9, 4]), 3)).toEqual([0, 6.5, 25])
  })

  it('keeps length, min, max and order on a large sample', () => {
    const raw = Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 1000) / 10 + 1)
    const s = sortSamples(raw)
    const out = quantileSubsample(s, 64)
    expect(out).toHaveLength(64)
    expect(out[0]).toBe(s[0])
    expect(out[63]).toBe(s[999])
    for (let i = 1; i < out.length; i++) expect(out[i]!).toBeGreaterThanOrEqual(out[i - 1]!)
  })

  it('rejects maxPoints that is not an integer >= 2', () => {
    const s = sortSamples([1, 2, 3])
    expect(() => quantileSubsample(s, 1)).toThrow(RangeError)
    expect(() => quantileSubsample(s, 2.5)).toThrow(RangeError)
    expect(() => quantileSubsample(s, NaN)).toThrow(RangeError)
  })
})

describe('sliceMeans', () => {
  it('returns a copy when n <= maxPoints', () => {
    const s = sortSamples([1, 2, 3])
    expect(sliceMeans(s, 3)).toEqual([1, 2, 3])
    expect(sliceMeans(s, 3)).not.toBe(s)
  })

  it('averages equal-count slices, splitting a sample between two slices by its share', () => {
    // 0..5 in 2 slices: [0, 1, 2] and [3, 4, 5]; in 4 slices of 1.5 samples: [0, 0.5 of 1], [0.5 of 1, 2], [3, 0.5 of 4], [0.5 of 4, 5]
    const s = sortSamples([0, 1, 2, 3, 4, 5])
    expect(sliceMeans(s, 2)).toEqual([1, 4])
    expect(sliceMeans(s, 4)).toEqual([(0 + 0.5) / 1.5, (0.5 + 2) / 1.5, (3 + 2) / 1.5, (2 + 5) / 1.5])
  })

  it("keeps the samples' mean where a quantile subsample lets the slowest run weigh 25 times its share", () => {
    // 4,999 runs of 0.25 ms and one of 5 ms: mean 0.25095 ms
    const s = sortSamples([...Array.from({ length: 4999 }, () => 0.25), 5])
    const exact = (4999 * 0.25 + 5) / 5000
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length
    expect(mean(sliceMeans(s, 200))).toBeCloseTo(exact, 12)
    expect(mean(quantileSubsample(s, 200))).toBeCloseTo(0.25 + 4.75 / 200, 12)
  })

  it('refuses a maxPoints that is not a positive integer', () => {
    expect(() => sliceMeans(sortSamples([1, 2]), 0)).toThrow(/maxPoints must be an integer >= 1, got 0/)
  })
})

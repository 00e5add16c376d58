import { describe, it, expect } from 'vitest'
import { sortSamples } from '../../../src/stats/sorted.js'
import { quantileSubsample } from '../../../src/stats/subsample.js'

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

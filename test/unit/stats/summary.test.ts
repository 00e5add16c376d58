import { describe, it, expect } from 'vitest'
import { summarize } from '../../../src/stats/summary.js'

describe('summarize', () => {
  it('computes the textbook sample [2,4,4,4,5,5,7,9]', () => {
    const s = summarize([9, 2, 5, 4, 4, 7, 4, 5]) // deliberately unsorted
    // mean = 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32; sample sd = sqrt(32/7)
    expect(s.n).toBe(8)
    expect(s.mean).toBe(5)
    expect(s.sd).toBeCloseTo(Math.sqrt(32 / 7), 12)
    expect(s.min).toBe(2)
    expect(s.max).toBe(9)
    // sorted x = [2,4,4,4,5,5,7,9], h = 7p/100
    expect(s.p50).toBe(4.5) //   h = 3.5  -> 4 + 0.5*(5-4)
    expect(s.p90).toBeCloseTo(7.6, 12) //  h = 6.3  -> 7 + 0.3*(9-7)
    expect(s.p95).toBeCloseTo(8.3, 12) //  h = 6.65 -> 7 + 0.65*2
    expect(s.p99).toBeCloseTo(8.86, 12) // h = 6.93 -> 7 + 0.93*2
    expect(s.cv).toBeCloseTo(Math.sqrt(32 / 7) / 5, 12) // 0.4276179870598...
  })

  it('gives sd = 0 and cv = 0 for a single sample', () => {
    expect(summarize([3])).toEqual({ n: 1, mean: 3, sd: 0, min: 3, max: 3, p50: 3, p90: 3, p95: 3, p99: 3, cv: 0 })
  })

  it('defines cv = 0 when the mean is 0', () => {
    const s = summarize([-1, 1])
    expect(s.mean).toBe(0)
    expect(s.sd).toBeCloseTo(Math.SQRT2, 12) // (1 + 1) / (2 - 1) = 2
    expect(s.cv).toBe(0)
  })

  it('throws RangeError on empty and TypeError on non-finite input', () => {
    expect(() => summarize([])).toThrow(RangeError)
    expect(() => summarize([1, NaN])).toThrow(TypeError)
  })
})

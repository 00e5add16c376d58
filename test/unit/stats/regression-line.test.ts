import { describe, it, expect } from 'vitest'
import { linearFit } from '../../../src/stats/regression-line.js'

describe('linearFit', () => {
  it('fits the textbook example', () => {
    // xs 1..5, ys [2,4,5,4,5]: xbar = 3, ybar = 4
    // Sxx = 4+1+0+1+4 = 10, Sxy = (-2)(-2)+(-1)(0)+0+(1)(0)+(2)(1) = 6, Syy = 4+0+1+0+1 = 6
    // slope = 0.6, intercept = 4 - 0.6*3 = 2.2, r = 6/sqrt(60) = 0.7745966692...
    const f = linearFit([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])
    expect(f.slope).toBeCloseTo(0.6, 12)
    expect(f.intercept).toBeCloseTo(2.2, 12)
    expect(f.r).toBeCloseTo(6 / Math.sqrt(60), 12)
  })

  it('recovers an exact line with r = ±1', () => {
    const up = linearFit([0, 1, 2, 3], [1, 3, 5, 7]) // y = 2x + 1
    expect(up).toEqual({ slope: 2, intercept: 1, r: 1 })
    const down = linearFit([0, 2], [4, 0]) // y = -2x + 4
    expect(down).toEqual({ slope: -2, intercept: 4, r: -1 })
  })

  it('reports r = 0 and slope 0 for constant ys', () => {
    expect(linearFit([1, 2, 3], [5, 5, 5])).toEqual({ slope: 0, intercept: 5, r: 0 })
  })

  it('throws on too few points, mismatched lengths, constant xs, non-finite values', () => {
    expect(() => linearFit([1], [1])).toThrow(RangeError)
    expect(() => linearFit([1, 2], [1])).toThrow(RangeError)
    expect(() => linearFit([3, 3, 3], [1, 2, 3])).toThrow(/xs are equal/)
    expect(() => linearFit([1, NaN], [1, 2])).toThrow(TypeError)
  })
})

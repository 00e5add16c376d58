import { describe, expect, it } from 'vitest'
import { medianInterval, relativeHalfWidth, sortSamples } from '../../../src/stats/index.js'

describe('medianInterval: order-statistic interval of the median', () => {
  it('takes ranks n/2 -+ z sqrt(n)/2 (the upper one +1) of the sorted samples', () => {
    // n = 100, z = 2.5758: half = 2.5758 x 10 / 2 = 12.879; j = floor(50 - 12.879) = 37; k = ceil(62.879) + 1 = 64.
    const xs = sortSamples(Array.from({ length: 100 }, (_, i) => i + 1)) // 1..100: rank r holds r
    expect(medianInterval(xs)).toEqual({ low: 37, high: 64 })
  })

  it('clamps to the sample range for small n', () => {
    // n = 4: half = 2.5758; j = floor(2 - 2.58) = -1 -> 1; k = ceil(4.58) + 1 = 6 -> 4.
    expect(medianInterval(sortSamples([1, 2, 3, 4]))).toEqual({ low: 1, high: 4 })
  })

  it('narrows with a smaller z', () => {
    // z = 1: half = 5; j = 45, k = 56.
    expect(medianInterval(sortSamples(Array.from({ length: 100 }, (_, i) => i + 1)), 1)).toEqual({ low: 45, high: 56 })
  })

  it('refuses an empty sample', () => {
    expect(() => medianInterval(sortSamples([]))).toThrow(RangeError)
  })
})

describe('relativeHalfWidth', () => {
  it('is half the width over the median', () => {
    expect(relativeHalfWidth({ low: 9, high: 11 }, 10)).toBe(0.1)
    expect(relativeHalfWidth({ low: 1, high: 2 }, 0)).toBe(Infinity)
  })
})

import { mean as kahanMean } from 'simple-statistics'
import { describe, expect, it } from 'vitest'
import { mean } from '../../../src/stats/mean.js'
import { summarize } from '../../../src/stats/summary.js'

describe('mean: Σx / n summed left to right', () => {
  it('gives exact values on hand-made samples', () => {
    expect(mean([2, 4, 9])).toBe(5)
    expect(mean([7])).toBe(7)
    expect(mean([])).toBeNaN()
  })

  it("keeps the plain sum's rounding, which simple-statistics' compensated sum does not (so it is not used)", () => {
    expect(mean([0.1, 0.2, 0.3])).toBe(0.20000000000000004)
    expect(kahanMean([0.1, 0.2, 0.3])).toBe(0.19999999999999998)
  })

  it('is the mean summarize reports', () => {
    expect(summarize([0.3, 0.1, 0.2]).mean).toBe(mean([0.1, 0.2, 0.3]))
  })
})

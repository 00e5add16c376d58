import { describe, expect, it } from 'vitest'
import { normalQuantile } from '../../../src/stats/index.js'

describe('normalQuantile', () => {
  it('gives the two-sided 99% and 95% z, and 0 at the middle', () => {
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489, 5)
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 5)
    expect(normalQuantile(0.5)).toBeCloseTo(0, 6)
  })

  it('refuses a probability outside (0, 1)', () => {
    expect(() => normalQuantile(1)).toThrow(/0 < p < 1, got 1/)
    expect(() => normalQuantile(Number.NaN)).toThrow(/0 < p < 1/)
  })
})

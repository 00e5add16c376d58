import { describe, it, expect } from 'vitest'
import { mannWhitneyU } from '../../../src/stats/mann-whitney.js'

describe('mannWhitneyU', () => {
  it('matches a by-hand computation without ties', () => {
    // a = [3,5,7,9], b = [1,2,4,6,8]
    // pairs with x > y: 3:{1,2}=2, 5:{1,2,4}=3, 7:{1,2,4,6}=4, 9:all=5 -> U = 14
    // mu = 4*5/2 = 10, sigma^2 = 20/12 * (9 + 1) = 50/3 (no ties)
    // z = (14 - 10 - 0.5) / sqrt(50/3) = 0.857321409974...
    // p = erfc(z / sqrt 2) = 0.391267279282... (scipy.stats.mannwhitneyu asymptotic agrees)
    const r = mannWhitneyU([3, 5, 7, 9], [1, 2, 4, 6, 8])
    expect(r.u).toBe(14)
    expect(r.z).toBeCloseTo(3.5 / Math.sqrt(50 / 3), 12)
    expect(r.pValue).toBeCloseTo(0.3912672792826394, 6)
    expect(r.effect).toBe(14 / 20)
  })

  it('uses mid-ranks and the tie-corrected variance', () => {
    // a = [1,2,2,3,5], b = [2,3,3,4]
    // pairs: 1 -> 0; each 2 ties one b-2 -> 0.5 (x2 = 1); 3 beats 2, ties two 3s -> 1 + 1 = 2; 5 beats all 4
    // U = 0 + 1 + 2 + 4 = 7
    // pooled 1,2,2,2,3,3,3,4,5: two tie groups of t = 3 -> sum(t^3 - t) = 24 + 24 = 48
    // sigma^2 = (5*4/12) * (10 - 48/(9*8)) = (5/3) * (28/3) = 140/9
    // z = -(|7 - 10| - 0.5) / sqrt(140/9) = -0.633865691046...
    // p = erfc(|z| / sqrt 2) = 0.526168477756... (scipy agrees)
    const r = mannWhitneyU([1, 2, 2, 3, 5], [2, 3, 3, 4])
    expect(r.u).toBe(7)
    expect(r.z).toBeCloseTo(-2.5 / Math.sqrt(140 / 9), 12)
    expect(r.pValue).toBeCloseTo(0.5261684777561433, 6)
    expect(r.effect).toBe(7 / 20)
  })

  it('is antisymmetric: swapping a and b gives U_b = n_a n_b - U_a and flips z', () => {
    const ab = mannWhitneyU([1, 2, 2, 3, 5], [2, 3, 3, 4])
    const ba = mannWhitneyU([2, 3, 3, 4], [1, 2, 2, 3, 5])
    expect(ba.u).toBe(20 - 7)
    expect(ba.z).toBeCloseTo(-ab.z, 12)
    expect(ba.pValue).toBeCloseTo(ab.pValue, 12)
    expect(ba.effect).toBe(13 / 20)
  })

  it('gives p = 1 for identical samples', () => {
    const xs = [5, 1, 4, 2, 3, 6, 8, 7]
    const r = mannWhitneyU(xs, [...xs].reverse())
    // ranks of the two copies are the same multiset -> U = n^2/2 = 32 = mu
    expect(r.u).toBe(32)
    expect(r.z).toBe(0)
    expect(r.pValue).toBe(1)
    expect(r.effect).toBe(0.5)
  })

  it('gives p = 1 when both samples are constant and equal (sigma = 0)', () => {
    const r = mannWhitneyU([5, 5, 5, 5], [5, 5, 5, 5, 5, 5])
    expect(r.u).toBe(12) // every pair ties: 24 * 0.5
    expect(r.z).toBe(0)
    expect(r.pValue).toBe(1)
    expect(r.effect).toBe(0.5)
  })

  it('detects a clear shift with n = 30 each', () => {
    // a = 1..30, b = 21..50 (a shifted by 20)
    // a_i > b_j iff i > j + 20: sum_{j=1..9}(10 - j) = 45; ties a_i = b_j for i = j+20: 10 -> +5; U = 50
    // mu = 450; ties: 10 groups of t = 2 -> sum = 60
    // sigma^2 = (900/12) * (61 - 60/(60*59)) = 75 * (61 - 1/59)
    // z = -(400 - 0.5) / sqrt(sigma^2) = -5.9072...; p = 3.4797e-9 (scipy agrees)
    const a = Array.from({ length: 30 }, (_, i) => i + 1)
    const b = a.map((x) => x + 20)
    const r = mannWhitneyU(a, b)
    expect(r.u).toBe(50)
    expect(r.z).toBeCloseTo(-399.5 / Math.sqrt(75 * (61 - 1 / 59)), 12)
    expect(r.pValue).toBeLessThan(0.001)
    expect(r.pValue).toBeCloseTo(3.479739872462848e-9, 9)
    expect(r.effect).toBe(50 / 900)
  })

  it('gives U = 0 and effect = 0 when every a is below every b', () => {
    const r = mannWhitneyU([1, 2, 3], [4, 5, 6])
    expect(r.u).toBe(0)
    expect(r.effect).toBe(0)
    expect(r.z).toBeLessThan(0)
  })

  it('rejects empty and non-finite samples', () => {
    expect(() => mannWhitneyU([], [1])).toThrow(RangeError)
    expect(() => mannWhitneyU([1], [])).toThrow(RangeError)
    expect(() => mannWhitneyU([1, NaN], [1])).toThrow(TypeError)
    expect(() => mannWhitneyU([1], [Infinity])).toThrow(/b\[0\]/)
  })
})

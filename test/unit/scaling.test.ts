/**
 * The derived columns of a sweep, on hand-made throughputs whose ratios are
 * easy to check by hand.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_FLAT_BELOW, scalingOf } from '../../src/compare/scaling.js'

describe('scalingOf', () => {
  it('batch 1, 4, 8, 16 at 100, 360, 560, 600 samples/s: speedup, efficiency, step gain, where it flattens', () => {
    const s = scalingOf([1, 4, 8, 16], [100, 360, 560, 600])
    expect(s.rows.map((r) => r.factor)).toEqual([1, 4, 8, 16])
    expect(s.rows.map((r) => r.speedup)).toEqual([1, 3.6, 5.6, 6])
    expect(s.rows[0]!.efficiency).toBe(1)
    expect(s.rows[1]!.efficiency).toBeCloseTo(0.9, 12)
    expect(s.rows[2]!.efficiency).toBeCloseTo(0.7, 12)
    expect(s.rows[3]!.efficiency).toBeCloseTo(0.375, 12)
    expect(s.rows[0]!.stepGain).toBeNull()
    expect(s.rows[1]!.stepGain).toBeCloseTo(2.6 / 3, 12) // 1 -> 4: 3.6x of an ideal 4x
    expect(s.rows[2]!.stepGain).toBeCloseTo(200 / 360, 12) // 4 -> 8: 1.556x of an ideal 2x
    expect(s.rows[3]!.stepGain).toBeCloseTo(40 / 560, 12) // 8 -> 16: 1.071x of an ideal 2x
    expect(s.flattensAt).toBe(3)
    expect(s.best).toBe(3)
    expect(s.flatBelow).toBe(DEFAULT_FLAT_BELOW)
  })

  it('linear scaling never flattens; efficiency stays 1', () => {
    const s = scalingOf([1, 2, 4], [50, 100, 200])
    expect(s.rows.map((r) => r.efficiency)).toEqual([1, 1, 1])
    expect(s.rows.map((r) => r.stepGain)).toEqual([null, 1, 1])
    expect(s.flattensAt).toBeNull()
    expect(s.best).toBe(2)
  })

  it('a step that loses throughput has a negative gain and flattens there; best is the peak', () => {
    const s = scalingOf([1, 2, 4], [100, 180, 150])
    expect(s.rows[1]!.stepGain).toBeCloseTo(0.8, 12)
    expect(s.rows[2]!.stepGain).toBeCloseTo(-1 / 6, 12)
    expect(s.flattensAt).toBe(2)
    expect(s.best).toBe(1)
  })

  it('the threshold is a parameter', () => {
    expect(scalingOf([1, 2, 4], [100, 150, 200], 0.2).flattensAt).toBeNull() // gains 0.5, 0.333
    expect(scalingOf([1, 2, 4], [100, 150, 200], 0.4).flattensAt).toBe(2)
    expect(scalingOf([1, 2, 4], [100, 150, 200], 0.6).flattensAt).toBe(1)
  })

  it('categorical axes (optimisation levels, providers) get speedups but no factor, efficiency or flattening', () => {
    const s = scalingOf(['disabled', 'basic', 'all'], [80, 100, 120])
    expect(s.rows.map((r) => r.speedup)).toEqual([1, 1.25, 1.5])
    expect(s.rows.every((r) => r.factor === null && r.efficiency === null && r.stepGain === null)).toBe(true)
    expect(s.flattensAt).toBeNull()
    expect(s.best).toBe(2)
  })

  it('a first value of 0 gives no factors; a repeated value no step gain', () => {
    const s = scalingOf([0, 2, 2], [10, 20, 30])
    expect(s.rows.map((r) => r.factor)).toEqual([null, null, null])
    expect(s.rows.map((r) => r.stepGain)).toEqual([null, null, null])
    expect(s.rows.map((r) => r.speedup)).toEqual([1, 2, 3])
  })

  it('descending values work with the same formulas (fewer threads, less throughput)', () => {
    const s = scalingOf([4, 2, 1], [200, 120, 60])
    expect(s.rows.map((r) => r.factor)).toEqual([1, 0.5, 0.25])
    expect(s.rows.map((r) => r.speedup)).toEqual([1, 0.6, 0.3])
    expect(s.rows[1]!.efficiency).toBeCloseTo(1.2, 12)
    expect(s.rows[1]!.stepGain).toBeCloseTo(0.8, 12) // lost 40% of a possible 50%
    expect(s.best).toBe(0)
  })

  it('one point, and no points', () => {
    expect(scalingOf([8], [123])).toEqual({ rows: [{ factor: 1, speedup: 1, efficiency: 1, stepGain: null }], best: 0, flattensAt: null, flatBelow: 0.2 })
    expect(scalingOf([], [])).toEqual({ rows: [], best: -1, flattensAt: null, flatBelow: 0.2 })
  })

  it('a zero first throughput gives no speedups rather than Infinity', () => {
    const s = scalingOf([1, 2], [0, 10])
    expect(s.rows.map((r) => r.speedup)).toEqual([null, null])
    expect(s.rows[1]!.stepGain).toBeNull()
  })

  it('refuses mismatched lengths', () => {
    expect(() => scalingOf([1, 2], [1])).toThrow(RangeError)
  })
})

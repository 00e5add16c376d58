import { describe, expect, it } from 'vitest'
import { measureAgain, type MeasurementVerdicts } from '../../src/compare/confirm-policy.js'
import type { MetricVerdict } from '../../src/types/index.js'

const first = (v: MetricVerdict): MeasurementVerdicts => ({ alone: v, pooled: v })
const then = (alone: MetricVerdict, pooled: MetricVerdict): MeasurementVerdicts => ({ alone, pooled })

describe('measureAgain', () => {
  it('never stops on a first regression: one more measurement must confirm it', () => {
    expect(measureAgain([first('regressed')], 2)).toBe(true)
  })
  it('stops when the pool regressed and the latest measurement alone did too (confirmed)', () => {
    expect(measureAgain([first('regressed'), then('regressed', 'regressed')], 2)).toBe(false)
  })
  it('measures again when the pool regressed but the latest measurement alone did not (the first may have been disturbed)', () => {
    expect(measureAgain([first('regressed'), then('pass', 'regressed')], 2)).toBe(true)
    expect(measureAgain([first('regressed'), then('pass', 'regressed'), then('pass', 'regressed')], 2)).toBe(false) // budget spent
  })
  it('measures an unresolved pool again while the budget lasts', () => {
    expect(measureAgain([first('unresolved')], 2)).toBe(true)
    expect(measureAgain([first('regressed'), then('unresolved', 'unresolved')], 2)).toBe(true)
    expect(measureAgain([first('unresolved'), then('unresolved', 'unresolved'), then('unresolved', 'unresolved')], 2)).toBe(false)
    expect(measureAgain([first('unresolved')], 0)).toBe(false)
  })
  it('stops once the pool is resolved', () => {
    for (const v of ['pass', 'improved', 'warned'] as const) {
      expect(measureAgain([first(v)], 2)).toBe(false)
      expect(measureAgain([first('regressed'), then('regressed', v)], 2)).toBe(false)
    }
    expect(measureAgain([], 2)).toBe(false)
  })
})

describe('measureAgain on a borderline pass', () => {
  const borderline = (v: MetricVerdict): MeasurementVerdicts => ({ alone: v, pooled: v, borderline: true })
  it('measures a pass or warning near the tolerance again while the budget lasts', () => {
    expect(measureAgain([borderline('pass')], 2)).toBe(true)
    expect(measureAgain([borderline('warned')], 2)).toBe(true)
    expect(measureAgain([first('regressed'), { alone: 'pass', pooled: 'pass', borderline: true }], 2)).toBe(true)
    expect(measureAgain([borderline('pass'), borderline('pass'), borderline('pass')], 2)).toBe(false)
  })
  it('stops on a pass that is not borderline, and on an improvement', () => {
    expect(measureAgain([{ alone: 'pass', pooled: 'pass', borderline: false }], 2)).toBe(false)
    expect(measureAgain([borderline('improved')], 2)).toBe(false)
  })
})

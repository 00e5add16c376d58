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

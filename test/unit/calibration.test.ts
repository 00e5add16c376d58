import { describe, expect, it } from 'vitest'
import { CALIBRATION_EXPONENT, calibrated, calibrationBetween } from '../../src/compare/calibration.js'
import { compareEntry, testbedDifferences } from '../../src/compare/compare-entry.js'
import { comparisonReport } from '../../src/report/diff-table.js'
import type { Calibration } from '../../src/types/index.js'
import { profileEntry, runs } from './entry-factory.js'

const ref = (scoreMs: number, workload = 'perfgate-reference-1'): Calibration => ({ workload, scoreMs, runs: 340 })

describe('calibrationBetween', () => {
  it('gives (baselineScore / currentScore) ^ 0.8 when both entries have a score of the same workload', () => {
    expect(CALIBRATION_EXPONENT).toBe(0.8)
    expect(calibrationBetween(profileEntry({}, {}, { calibration: ref(0.25) }), profileEntry({}, {}, { calibration: ref(0.5) }))).toStrictEqual({
      factor: 0.5 ** 0.8, // 0.574349...
      baselineScoreMs: 0.25,
      currentScoreMs: 0.5,
    })
    expect(calibrationBetween(profileEntry({}, {}, { calibration: ref(0.5) }), profileEntry({}, {}, { calibration: ref(0.5) }))?.factor).toBe(1)
  })

  it('gives nothing when either side has no score or the workloads differ', () => {
    expect(calibrationBetween(profileEntry({}), profileEntry({}, {}, { calibration: ref(0.5) }))).toBeUndefined()
    expect(calibrationBetween(profileEntry({}, {}, { calibration: ref(0.5) }), profileEntry({}))).toBeUndefined()
    expect(calibrationBetween(profileEntry({}, {}, { calibration: ref(0.5, 'other-1') }), profileEntry({}, {}, { calibration: ref(0.5) }))).toBeUndefined()
  })
})

describe('calibrated', () => {
  it('multiplies times by the factor, divides rates by it and leaves memory alone', () => {
    const e = profileEntry(
      { 'latency.p50': 2, 'cpu.p50': 4, loadMs: 10, throughput: 500, 'memory.peakDeltaMB': 30, tokensPerSecond: 100, 'ttft.p95': 8 },
      { latency: [1, 2, 3], cpu: [4], tokensPerSecond: [100, 200] },
    )
    const c = calibrated(e, 0.5)
    expect(c.metrics).toStrictEqual({
      'latency.p50': 1,
      'cpu.p50': 2,
      loadMs: 5,
      throughput: 1000,
      'memory.peakDeltaMB': 30,
      tokensPerSecond: 200,
      'ttft.p95': 4,
    })
    expect(c.samples).toStrictEqual({ latency: [0.5, 1, 1.5], cpu: [2], tokensPerSecond: [200, 400] })
    // the measured entry itself is untouched
    expect(e.metrics['latency.p50']).toBe(2)
    expect(e.samples.latency).toStrictEqual([1, 2, 3])
  })
})

describe('compareEntry with reference scores', () => {
  // baseline: 10.0 .. 12.9 ms on a machine whose reference took 0.25 ms; now every run takes twice as long
  // (20.0 .. 25.8 ms) and the reference 2^(1/0.8) = 2.378x as long, which the correction reads as a machine that
  // makes the model 2x slower (factor exactly 1/2, up to rounding): the machine is slower, not the model.
  const slowerMachine = 2 ** (1 / CALIBRATION_EXPONENT)
  const baseline = profileEntry({ 'latency.p50': 11.45 }, { latency: runs(10, 30) }, { calibration: ref(0.25) })
  const current = profileEntry({ 'latency.p50': 22.9 }, { latency: runs(20, 30, 0.2) }, { calibration: ref(0.25 * slowerMachine) })

  it('puts the current timings on the baseline machine speed before judging them', () => {
    const cmp = compareEntry(baseline, current, { metrics: ['latency.p50'] })
    expect(cmp.verdict).toBe('pass')
    expect(cmp.calibration?.factor).toBeCloseTo(0.5, 12)
    expect(cmp.rows[0]!.current).toBeCloseTo(11.45, 9)
    expect(cmp.rows[0]!.changePct).toBeCloseTo(0, 9)
    expect(comparisonReport('detector', 'a.json', cmp)).toContain(
      'Calibrated for machine speed: the reference workload took 0.595 ms now and 0.250 ms when the baseline was recorded, so current times are shown x0.500.',
    )
  })

  it('judges the raw timings with calibrate: false (a 100% rise)', () => {
    const cmp = compareEntry(baseline, current, { metrics: ['latency.p50'], calibrate: false })
    expect(cmp.verdict).toBe('regressed')
    expect(cmp.calibration).toBeUndefined()
    expect(cmp.rows[0]).toMatchObject({ baseline: 11.45, current: 22.9, changePct: 100 })
  })

  it('still finds a slowdown of the model beyond the machine change (x2 machine, x1.5 model)', () => {
    const slower = profileEntry({ 'latency.p50': 34.35 }, { latency: runs(30, 30, 0.3) }, { calibration: ref(0.25 * slowerMachine) })
    const cmp = compareEntry(baseline, slower, { metrics: ['latency.p50'] })
    expect(cmp.verdict).toBe('regressed')
    expect(cmp.rows[0]!.current).toBeCloseTo(17.175, 9)
    expect(cmp.rows[0]!.changePct).toBeCloseTo(50, 9)
  })

  it('lists a calibration difference when only one side has a score', () => {
    expect(testbedDifferences(baseline, profileEntry({}))).toContainEqual({ field: 'calibration', baseline: 'perfgate-reference-1', current: 'none' })
    expect(testbedDifferences(baseline, current).some((d) => d.field === 'calibration')).toBe(false)
  })
})

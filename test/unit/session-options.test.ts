import { describe, expect, it } from 'vitest'
import { poolContention, poolMeasuredRuns, type MeasuredRuns } from '../../src/measure/run/measure-runs.js'
import { LOOP_DEFAULTS, perSessionLoop, resolveLoopOptions, resolveSessionOptions } from '../../src/measure/run/options.js'

describe('resolveSessionOptions', () => {
  it('defaults to one session, no calibration', () => {
    expect(resolveSessionOptions({})).toStrictEqual({ sessions: 1, calibrate: false })
    expect(resolveSessionOptions({ sessions: 6, calibrate: true })).toStrictEqual({ sessions: 6, calibrate: true })
  })

  it.each([0, 1.5, -2, '3', 1001])('refuses sessions: %j, naming the option (checked with the loop options)', (sessions) => {
    expect(() => resolveLoopOptions({ sessions: sessions as number })).toThrow(
      /Invalid option profile\(\{ sessions \}\): got .*, expected an integer from 1 to 1000/,
    )
  })

  it('refuses a calibrate that is not a boolean', () => {
    expect(() => resolveLoopOptions({ calibrate: 'yes' as unknown as boolean })).toThrow(
      "Invalid option profile({ calibrate }): got 'yes', expected true or false.",
    )
  })
})

describe('perSessionLoop', () => {
  it('gives each of 6 sessions a sixth of the runs, the time and the run cap', () => {
    expect(perSessionLoop({ ...LOOP_DEFAULTS }, 6)).toStrictEqual({ ...LOOP_DEFAULTS, runs: 5, minTimeMs: 1000 / 6, maxRuns: 1667 })
  })

  it('widens the adaptive precision by sqrt(sessions) and splits its budget', () => {
    const loop = resolveLoopOptions({ runs: 'auto' })
    expect(perSessionLoop(loop, 4).adaptive).toStrictEqual({ precision: 0.05, maxTimeMs: 2500 })
  })

  it('leaves one session alone', () => {
    const loop = resolveLoopOptions({ runs: 40 })
    expect(perSessionLoop(loop, 1)).toBe(loop)
  })
})

describe('poolMeasuredRuns', () => {
  const session = (latency: number[], peakRssMB: number, stoppedBy: MeasuredRuns['samples']['stoppedBy'], firstRunMs = 9): MeasuredRuns => ({
    firstRunMs,
    samples: {
      warmupRuns: 5,
      latency,
      cpu: latency.map((x) => x / 2),
      switches: latency.map(() => 1),
      cpuWall: latency,
      cpuEvery: 1,
      stoppedBy,
      medianHalfWidth: 0.5,
    },
    peakRssMB,
    peakSource: 'vmhwm',
    contention: { wallMs: 10, runQueueWaitMs: 1, load: { cores: 2, start: peakRssMB, end: peakRssMB + 1 } },
  })

  it('joins the samples in order, keeps the first session first run and peak memory', () => {
    const pooled = poolMeasuredRuns([session([1, 2], 100, 'runs', 7), session([3, 4], 120, 'runs'), session([5], 110, 'runs')])
    expect(pooled.firstRunMs).toBe(7)
    expect(pooled.peakRssMB).toBe(100)
    expect(pooled.samples.latency).toStrictEqual([1, 2, 3, 4, 5])
    expect(pooled.samples.cpu).toStrictEqual([0.5, 1, 1.5, 2, 2.5])
    expect(pooled.samples.warmupRuns).toBe(15)
    expect(pooled.samples.stoppedBy).toBe('runs')
  })

  it('joins the switches and the contention: wall and wait summed, the first start load and the last end load', () => {
    const pooled = poolMeasuredRuns([session([1, 2], 100, 'runs'), session([3], 120, 'runs')])
    expect(pooled.samples.switches).toStrictEqual([1, 1, 1])
    expect(pooled.contention).toStrictEqual({ wallMs: 20, runQueueWaitMs: 2, load: { cores: 2, start: 100, end: 121 } })
  })

  it('leaves the run-queue wait out when one session could not read it', () => {
    expect(poolContention([{ wallMs: 5, runQueueWaitMs: 1 }, { wallMs: 7 }])).toStrictEqual({ wallMs: 12 })
  })

  it('reports the weakest stop: a spent budget in any session', () => {
    expect(poolMeasuredRuns([session([1], 1, 'precision'), session([1], 1, 'budget')]).samples.stoppedBy).toBe('budget')
    expect(poolMeasuredRuns([session([1], 1, 'precision'), session([1], 1, 'precision')]).samples.stoppedBy).toBe('precision')
    expect(poolMeasuredRuns([session([1], 1, 'runs'), session([1], 1, 'minTime')]).samples.stoppedBy).toBe('minTime')
  })
})

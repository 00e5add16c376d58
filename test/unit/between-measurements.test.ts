/**
 * How much a statistic moves between pooled measurements (compare/between-measurements.ts), with
 * spreads chosen so that the logs are exact: measurements whose medians are e^-0.1, 1 and e^0.1 ms.
 */
import { describe, expect, it } from 'vitest'
import { betweenMeasurements, perMeasurement } from '../../src/compare/between-measurements.js'
import { poolEntries } from '../../src/compare/pool-entries.js'
import { compareEntry } from '../../src/compare/compare-entry.js'
import { percentile, type SortedSamples } from '../../src/stats/index.js'
import { profileEntry } from './entry-factory.js'

const median = (xs: SortedSamples) => percentile(xs, 50)
/** One measurement: 9 runs around `center` (center ± 1%, ± 2%, ...), median exactly `center`. */
const measurement = (center: number) => profileEntry({ 'latency.p50': center }, { latency: [-4, -3, -2, -1, 0, 1, 2, 3, 4].map((k) => center * (1 + k / 100)) })
const spreadOut = poolEntries([Math.exp(-0.1), 1, Math.exp(0.1)].map(measurement))

describe('perMeasurement', () => {
  it("gives each pooled measurement's statistic, in order", () => {
    const each = perMeasurement(spreadOut, 'latency', median)!
    expect(each.map(Math.log)).toStrictEqual([expect.closeTo(-0.1, 12), expect.closeTo(0, 12), expect.closeTo(0.1, 12)])
  })

  it('gives nothing for one measurement, or sizes that do not add up to the samples', () => {
    expect(perMeasurement(measurement(1), 'latency', median)).toBeUndefined()
    expect(perMeasurement({ ...spreadOut, measurements: { latency: [9, 9] } }, 'latency', median)).toBeUndefined()
    expect(perMeasurement(spreadOut, 'cpu', median)).toBeUndefined()
  })
})

describe('betweenMeasurements', () => {
  it('takes the sd of the logs from the side that pools several, and the interval from both counts', () => {
    // logs -0.1, 0, 0.1: sd 0.1; against one measurement: half-width z(0.995) x 0.1 x sqrt(1/3 + 1/1)
    const b = betweenMeasurements(spreadOut, measurement(1), 'latency', median, 0.01)!
    expect(b.sdLog).toBeCloseTo(0.1, 12)
    expect([b.baseline, b.current]).toStrictEqual([3, 1])
    expect(b.halfWidthLog).toBeCloseTo(2.5758293035489 * 0.1 * Math.sqrt(4 / 3), 6)
  })

  it('pools the variance of both sides where both have several', () => {
    // current: logs 0 and 0.2 (sd sqrt(0.02)); pooled: (0.02 + 0.02) / (2 + 1) = 0.04 / 3
    const current = poolEntries([1, Math.exp(0.2)].map(measurement))
    const b = betweenMeasurements(spreadOut, current, 'latency', median, 0.01)!
    expect(b.sdLog).toBeCloseTo(Math.sqrt(0.04 / 3), 12)
    expect(b.halfWidthLog).toBeCloseTo(2.5758293035489 * Math.sqrt(0.04 / 3) * Math.sqrt(1 / 3 + 1 / 2), 6)
  })

  it('gives nothing when neither side pools several measurements', () => {
    expect(betweenMeasurements(measurement(1), measurement(1.2), 'latency', median, 0.01)).toBeUndefined()
  })
})

describe('compareEntry with a pooled baseline', () => {
  const opts = { metrics: ['latency.p50' as const] }

  it('calls a change beyond the tolerance unresolved when the statistic moved more than the tolerance between measurements', () => {
    // +15% with every run's interval tight: regressed against one steady measurement, unresolved against three
    // that moved by 10% (sd of the log) between them
    const current = measurement(1.15)
    expect(compareEntry(measurement(1), current, opts).verdict).toBe('regressed')
    const row = compareEntry(spreadOut, current, opts).rows[0]!
    expect(row.verdict).toBe('unresolved')
    expect(row.note).toMatch(/latency\.p50 of 4 measurements moved by 10\.0% between them/)
    // the interval is the ratio x exp(±z x 0.1 x sqrt(4/3)) = 1.15 x exp(±0.297)
    expect(row.interval!.lowPct).toBeCloseTo((1.15 * Math.exp(-2.5758293035489 * 0.1 * Math.sqrt(4 / 3)) - 1) * 100, 4)
    expect(row.interval!.highPct).toBeCloseTo((1.15 * Math.exp(2.5758293035489 * 0.1 * Math.sqrt(4 / 3)) - 1) * 100, 4)
  })

  it('still calls a regression far beyond that spread regressed', () => {
    expect(compareEntry(spreadOut, measurement(2), opts).verdict).toBe('regressed')
  })
})

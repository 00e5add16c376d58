/**
 * Load-test levels from raw requests, the SLO check and the sustainable
 * level, on hand-made numbers.
 */
import { describe, expect, it } from 'vitest'
import { levelFigures, sloViolations, sustainableLevel, type LevelSamples } from '../../src/compare/slo.js'
import { mergeOutcomes } from '../../src/measure/load/load.js'
import type { LoadLevel } from '../../src/types/index.js'
import { runs } from './entry-factory.js'

function samples(over: Partial<LevelSamples> = {}): LevelSamples {
  return { concurrency: 2, offeredRate: null, latencies: runs(10, 100, 0.1), errors: 0, errorMessages: [], missed: 0, wallMs: 2000, cpuMs: 3000, ...over }
}

describe('levelFigures', () => {
  it('100 requests of 10..19.9 ms in 2 s: 50 requests/s, percentiles by linear interpolation', () => {
    const l = levelFigures(samples(), null)
    expect(l.requests).toBe(100)
    expect(l.requestsPerSecond).toBe(50)
    expect(l.okPerSecond).toBe(50)
    expect(l.errorRate).toBe(0)
    expect(l.latency!.p50).toBeCloseTo(14.95, 9)
    expect(l.latency!.p95).toBeCloseTo(19.405, 9)
    expect(l.latency!.p99).toBeCloseTo(19.801, 9)
    expect(l.meetsSlo).toBe(true)
    expect(l.sloViolations).toEqual([])
    expect(l.cpuMs).toBe(3000)
    expect(l).not.toHaveProperty('extra')
  })

  it("a generation's output tokens: their sum over the wall time is the level's output tokens/s", () => {
    const l = levelFigures(samples({ latencies: [10, 20, 30], wallMs: 500, extra: { outputTokens: [4, 4, 2], ttftMs: [1, 2, 3] } }), null)
    expect(l.outputTokensPerSecond).toBe(20)
    expect(l.extra!.ttftMs!.p50).toBe(2)
    expect(levelFigures(samples(), null)).not.toHaveProperty('outputTokensPerSecond')
  })

  it('errors count as requests, not as ok ones, and break the default SLO', () => {
    const l = levelFigures(samples({ latencies: runs(10, 75), errors: 25, errorMessages: ['boom'], wallMs: 1000 }), null)
    expect(l.requests).toBe(100)
    expect(l.requestsPerSecond).toBe(100)
    expect(l.okPerSecond).toBe(75)
    expect(l.errorRate).toBe(0.25)
    expect(l.meetsSlo).toBe(false)
    expect(l.sloViolations).toEqual(['error rate 25.0% > 0%'])
    expect(l.errorMessages).toEqual(['boom'])
  })

  it('checks every bound given', () => {
    expect(levelFigures(samples(), { p95: 20, p99: 20 }).meetsSlo).toBe(true)
    expect(levelFigures(samples(), { p50: 14, p95: 19, p99: 25 }).sloViolations).toEqual(['p50 14.9 ms > 14 ms', 'p95 19.4 ms > 19 ms'])
    expect(levelFigures(samples({ errors: 1 }), { p95: 50, errorRate: 0.01 }).meetsSlo).toBe(true)
  })

  it('a level with no successful request has no latency and misses any latency bound', () => {
    const l = levelFigures(samples({ latencies: [], errors: 3 }), { p95: 50 })
    expect(l.latency).toBeNull()
    expect(l.sloViolations).toEqual(['p95: no successful request', 'error rate 100.0% > 0%'])
  })

  it('open loop: requests left unstarted mean the offered rate was not sustained', () => {
    expect(sloViolations(null, 0, 1, null)).toEqual(['1 scheduled request never started'])
    expect(levelFigures(samples({ offeredRate: 100, missed: 12 }), { p95: 50 }).sloViolations).toEqual(['12 scheduled requests never started'])
  })

  it('summarises extra per-request figures', () => {
    const l = levelFigures(samples({ extra: { ttftMs: [1, 2, 3], empty: [] } }), null)
    expect(l.extra!.ttftMs!.p50).toBe(2)
    expect(Object.keys(l.extra!)).toEqual(['ttftMs'])
  })
})

describe('sustainableLevel', () => {
  const level = (concurrency: number, okPerSecond: number, meetsSlo: boolean) => ({ concurrency, okPerSecond, meetsSlo }) as LoadLevel

  it('is the level with the most ok requests per second among those meeting the SLO', () => {
    expect(sustainableLevel([level(1, 100, true), level(2, 180, true), level(4, 250, false)])).toEqual({ index: 1, goodput: 180 })
  })

  it('prefers the lower concurrency on a tie; null and 0 when none meets it', () => {
    expect(sustainableLevel([level(4, 100, true), level(1, 100, true)])).toEqual({ index: 1, goodput: 100 })
    expect(sustainableLevel([level(1, 100, false)])).toEqual({ index: null, goodput: 0 })
    expect(sustainableLevel([])).toEqual({ index: null, goodput: 0 })
  })
})

describe('mergeOutcomes', () => {
  it('pools the loops of a level; wall time runs to the last completion', () => {
    const a = { latencies: [1, 2], errors: 1, errorMessages: ['x'], missed: 0, lastEnd: 1_000_900, extra: { t: [1] } }
    const b = { latencies: [3], errors: 0, errorMessages: [], missed: 2, lastEnd: 1_001_200, extra: { t: [2, 3] } }
    expect(mergeOutcomes(2, 50, 1_000_000, 1000, 1500, [a, b])).toEqual({
      concurrency: 2,
      offeredRate: 50,
      latencies: [1, 2, 3],
      errors: 1,
      errorMessages: ['x'],
      missed: 2,
      wallMs: 1200,
      cpuMs: 1500,
      extra: { t: [1, 2, 3] },
    })
  })

  it('a level where nothing completed lasts its duration', () => {
    const none = { latencies: [], errors: 0, errorMessages: [], missed: 0, lastEnd: 5, extra: {} }
    expect(mergeOutcomes(1, null, 5, 1000, 0, [none]).wallMs).toBe(1000)
  })
})

/** Goodput under per-request bounds (an endpoint load test), on hand-made numbers: good requests, attainment, the sustainable level. */
import { describe, expect, it } from 'vitest'
import { hasRequestBounds, levelFigures, meetsRequestSlo, sustainableLevel, type LevelSamples } from '../../src/compare/slo.js'
import { reasonCounts } from '../../src/measure/endpoint-load/endpoint-load-level.js'
import type { RequestRecord } from '../../src/types/index.js'

function samples(over: Partial<LevelSamples>): LevelSamples {
  return { concurrency: 1, offeredRate: null, latencies: [], errors: 0, errorMessages: [], missed: 0, wallMs: 2000, cpuMs: 0, ...over }
}

describe('meetsRequestSlo', () => {
  it('a request is good when it meets every bound given; one token has no TPOT to miss', () => {
    const slo = { ttftMs: 100, tpotMs: 10, e2eMs: 400 }
    expect(meetsRequestSlo({ ttftMs: 100, tpotMs: 10, e2eMs: 400 }, slo)).toBe(true)
    expect(meetsRequestSlo({ ttftMs: 100.5, tpotMs: 10, e2eMs: 400 }, slo)).toBe(false)
    expect(meetsRequestSlo({ ttftMs: 50, tpotMs: 11, e2eMs: 400 }, slo)).toBe(false)
    expect(meetsRequestSlo({ ttftMs: 50, tpotMs: 5, e2eMs: 401 }, slo)).toBe(false)
    expect(meetsRequestSlo({ ttftMs: 50, tpotMs: null, e2eMs: 60 }, { tpotMs: 1 })).toBe(true)
    expect(meetsRequestSlo({ ttftMs: 1e9, tpotMs: 1e9, e2eMs: 1e9 }, null)).toBe(true)
    expect([hasRequestBounds({ p95: 5 }), hasRequestBounds({ e2eMs: 5 }), hasRequestBounds(null)]).toEqual([false, true, false])
  })
})

describe('levelFigures with per-request bounds', () => {
  const slo = { ttftMs: 100 }

  it('18 good of 20 requests in 2 s: goodput 9 requests/s, attainment 0.9, meets the default 90%', () => {
    const l = levelFigures(samples({ latencies: Array.from({ length: 20 }, () => 50), good: 18 }), slo)
    expect([l.goodPerSecond, l.attainment, l.okPerSecond, l.meetsSlo]).toEqual([9, 0.9, 10, true])
  })

  it('17 good of 20 misses it, saying by how much; errors count among the requests', () => {
    const l = levelFigures(samples({ latencies: Array.from({ length: 17 }, () => 50), errors: 3, good: 17 }), { ...slo, errorRate: 0.2 })
    expect([l.goodPerSecond, l.attainment, l.meetsSlo]).toEqual([8.5, 0.85, false])
    expect(l.sloViolations).toEqual(['85.0% of requests within the TTFT/TPOT/E2E bounds < 90%'])
    const strict = levelFigures(samples({ latencies: [50, 50], good: 1 }), { ...slo, attainment: 0.5 })
    expect([strict.attainment, strict.meetsSlo]).toEqual([0.5, true])
  })

  it('without per-request bounds a level has no goodput figure of its own', () => {
    expect(levelFigures(samples({ latencies: [50], good: 1 }), { p95: 100 })).not.toHaveProperty('goodPerSecond')
  })

  it('the sustainable level is the one with the most good requests per second, and that is the goodput', () => {
    const a = levelFigures(samples({ concurrency: 1, latencies: Array.from({ length: 20 }, () => 50), good: 20 }), slo) // 10 good/s
    const b = levelFigures(samples({ concurrency: 2, latencies: Array.from({ length: 40 }, () => 50), good: 36 }), slo) // 18 good/s of 20 ok/s
    const c = levelFigures(samples({ concurrency: 4, latencies: Array.from({ length: 60 }, () => 50), good: 30 }), slo) // misses: 50%
    expect(sustainableLevel([a, b, c])).toEqual({ index: 1, goodput: 18 })
  })
})

describe('reasonCounts', () => {
  it('counts the failure reasons, most frequent first', () => {
    const rec = (status: 'ok' | 'failed', reason?: string) => ({ status, ...(reason ? { reason } : {}) }) as RequestRecord
    const records = [
      rec('failed', 'http 500: boom'),
      rec('ok'),
      rec('failed', 'rate limited (Retry-After 1 s)'),
      rec('failed', 'rate limited (Retry-After 1 s)'),
    ]
    expect(reasonCounts(records)).toEqual(['rate limited (Retry-After 1 s) (2)', 'http 500: boom (1)'])
  })
})

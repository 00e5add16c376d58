/**
 * One load generator's loop with cheap fake requests: it ends on time and on
 * count, counts errors and missed requests, and collects extra figures.
 * Bounds on time are generous (a busy machine), counts are exact.
 */
import { describe, expect, it } from 'vitest'
import { epochNow, runRequestLoop } from '../../src/measure/load/load-loop.js'

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

describe('runRequestLoop', () => {
  it('closed loop: back-to-back requests until the time is up, then stops', async () => {
    const startAt = epochNow() + 5
    const out = await runRequestLoop(() => sleep(5), { startAt, durationMs: 100, intervalMs: null, offsetMs: 0, maxRequests: 1000 })
    expect(out.latencies.length).toBeGreaterThan(2)
    expect(out.latencies.length).toBeLessThanOrEqual(21)
    expect(out.lastEnd - startAt).toBeLessThan(100 + 500)
    expect(out.errors).toBe(0)
    expect(out.missed).toBe(0)
  })

  it('stops at maxRequests', async () => {
    let calls = 0
    const out = await runRequestLoop(() => void calls++, { startAt: epochNow(), durationMs: 10_000, intervalMs: null, offsetMs: 0, maxRequests: 7 })
    expect(calls).toBe(7)
    expect(out.latencies).toHaveLength(7)
  })

  it('counts errors and keeps the first three messages; errors count towards maxRequests', async () => {
    let n = 0
    const out = await runRequestLoop(
      () => {
        n++
        if (n % 2 === 0) throw new Error(`fail ${n}`)
      },
      { startAt: epochNow(), durationMs: 10_000, intervalMs: null, offsetMs: 0, maxRequests: 10 },
    )
    expect(out.errors).toBe(5)
    expect(out.latencies).toHaveLength(5)
    expect(out.errorMessages).toEqual(['fail 2', 'fail 4', 'fail 6'])
  })

  it('open loop: one request per interval, none missed when requests are quick', async () => {
    const startAt = epochNow() + 5
    const out = await runRequestLoop(() => undefined, { startAt, durationMs: 100, intervalMs: 10, offsetMs: 0, maxRequests: 1000 })
    expect(out.latencies).toHaveLength(10)
    expect(out.missed).toBe(0)
    expect(Math.min(...out.latencies)).toBeGreaterThanOrEqual(0)
  })

  it('open loop behind schedule: the wait counts as latency, and requests due after the time is up are missed', async () => {
    const startAt = epochNow() + 5
    // every request takes 40 ms, one is due every 10 ms for 100 ms
    const out = await runRequestLoop(() => sleep(40), { startAt, durationMs: 100, intervalMs: 10, offsetMs: 0, maxRequests: 1000 })
    const ran = out.latencies.length
    expect(ran).toBeGreaterThanOrEqual(1)
    expect(ran).toBeLessThanOrEqual(4)
    expect(ran + out.missed).toBe(10)
    // the second request waited about 30 ms behind the first before its own 40 ms
    if (ran >= 2) expect(out.latencies[1]!).toBeGreaterThan(60)
  })

  it('collects extra figures a request reports', async () => {
    let n = 0
    const out = await runRequestLoop(() => ({ ttftMs: ++n }), { startAt: epochNow(), durationMs: 10_000, intervalMs: null, offsetMs: 0, maxRequests: 3 })
    expect(out.extra).toEqual({ ttftMs: [1, 2, 3] })
  })
})

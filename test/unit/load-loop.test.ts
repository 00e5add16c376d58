/**
 * One load generator's loop with fake requests on a virtual clock: a request
 * moves the clock by its own cost and a sleep jumps to its end, so the loop's
 * schedule is checked with exact numbers, whatever the machine is doing.
 */
import { describe, expect, it } from 'vitest'
import { runRequestLoop, type LoopClock } from '../../src/measure/load/load-loop.js'

/** A clock that only moves when a request spends time or the loop sleeps. */
function virtualClock(start = 1000): LoopClock & { spend(ms: number): Promise<void> } {
  let t = start
  return {
    now: () => t,
    sleepUntil: async (until) => {
      t = Math.max(t, until)
    },
    spend: async (ms) => {
      t += ms
    },
  }
}

describe('runRequestLoop', () => {
  it('closed loop: back-to-back requests until the time is up, then stops', async () => {
    const clock = virtualClock()
    const startAt = clock.now() + 5
    const out = await runRequestLoop(() => clock.spend(5), { startAt, durationMs: 100, intervalMs: null, offsetMs: 0, maxRequests: 1000 }, clock)
    // requests start at 0, 5, ..., 95 ms: the one started at 95 is the last in flight
    expect(out.latencies).toEqual(Array.from({ length: 20 }, () => 5))
    expect(out.lastEnd - startAt).toBe(100)
    expect(out.errors).toBe(0)
    expect(out.missed).toBe(0)
  })

  it('closed loop: a request in flight at the deadline ends the loop after it, and no new one starts', async () => {
    const clock = virtualClock()
    const startAt = clock.now()
    const out = await runRequestLoop(() => clock.spend(30), { startAt, durationMs: 100, intervalMs: null, offsetMs: 0, maxRequests: 1000 }, clock)
    expect(out.latencies).toEqual([30, 30, 30, 30])
    expect(out.lastEnd - startAt).toBe(120)
  })

  it('stops at maxRequests', async () => {
    let calls = 0
    const clock = virtualClock()
    const out = await runRequestLoop(() => void calls++, { startAt: clock.now(), durationMs: 10_000, intervalMs: null, offsetMs: 0, maxRequests: 7 }, clock)
    expect(calls).toBe(7)
    expect(out.latencies).toHaveLength(7)
  })

  it('counts errors and keeps the first three messages; errors count towards maxRequests', async () => {
    let n = 0
    const clock = virtualClock()
    const out = await runRequestLoop(
      () => {
        n++
        if (n % 2 === 0) throw new Error(`fail ${n}`)
      },
      { startAt: clock.now(), durationMs: 10_000, intervalMs: null, offsetMs: 0, maxRequests: 10 },
      clock,
    )
    expect(out.errors).toBe(5)
    expect(out.latencies).toHaveLength(5)
    expect(out.errorMessages).toEqual(['fail 2', 'fail 4', 'fail 6'])
  })

  it('open loop: one request per interval, none missed when requests are quick; latency counts from the start', async () => {
    const clock = virtualClock()
    const startAt = clock.now() + 5
    const out = await runRequestLoop(() => clock.spend(1), { startAt, durationMs: 100, intervalMs: 10, offsetMs: 0, maxRequests: 1000 }, clock)
    expect(out.latencies).toEqual(Array.from({ length: 10 }, () => 1))
    expect(out.missed).toBe(0)
    expect(out.lastEnd - startAt).toBe(91)
  })

  it('open loop with an offset: this loop’s requests are due at offset + k x interval', async () => {
    const clock = virtualClock()
    const startAt = clock.now()
    const starts: number[] = []
    await runRequestLoop(() => void starts.push(clock.now() - startAt), { startAt, durationMs: 100, intervalMs: 20, offsetMs: 5, maxRequests: 1000 }, clock)
    expect(starts).toEqual([5, 25, 45, 65, 85])
  })

  it('open loop behind schedule: the wait counts as latency, and requests due after the time is up are missed', async () => {
    const clock = virtualClock()
    const startAt = clock.now() + 5
    // every request takes 40 ms, one is due every 10 ms for 100 ms
    const out = await runRequestLoop(() => clock.spend(40), { startAt, durationMs: 100, intervalMs: 10, offsetMs: 0, maxRequests: 1000 }, clock)
    // due at 0, 10, 20 and run at 0, 40, 80: each waited behind the one before; at 120 the other 7 are missed
    expect(out.latencies).toEqual([40, 70, 100])
    expect(out.missed).toBe(7)
    expect(out.lastEnd - startAt).toBe(120)
  })

  it('collects extra figures a request reports', async () => {
    let n = 0
    const clock = virtualClock()
    const out = await runRequestLoop(
      () => ({ ttftMs: ++n }),
      { startAt: clock.now(), durationMs: 10_000, intervalMs: null, offsetMs: 0, maxRequests: 3 },
      clock,
    )
    expect(out.extra).toEqual({ ttftMs: [1, 2, 3] })
  })

  it('runs on the real clock by default', async () => {
    const out = await runRequestLoop(() => undefined, { startAt: Date.now(), durationMs: 10_000, intervalMs: null, offsetMs: 0, maxRequests: 3 })
    expect(out.latencies).toHaveLength(3)
    expect(out.lastEnd).toBeGreaterThan(Date.now() - 60_000)
  })
})

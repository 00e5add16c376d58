/**
 * profile(fn): a whole pipeline measured with the same loop as a model,
 * without the session fields. The function counts its own calls, so the loop's
 * bookkeeping can be checked exactly.
 */
import { describe, expect, it } from 'vitest'

import { PerfgateError } from '../../src/errors.js'
import { profile } from '../../src/measure/profile.js'
import { expectLockNotHeldByUs } from './lock-expectations.js'

const tick = () => new Promise<void>((r) => setImmediate(r))
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

describe('profile(async function)', () => {
  it('calls the function once for the first run, then for each warm-up and measured run', async () => {
    let calls = 0
    const r = await profile(
      async () => {
        calls++
        await tick()
      },
      { warmup: 3, runs: 7, minTime: 0 },
    )
    expect(r.warmupRuns).toBe(3)
    expect(r.latency.n).toBe(7)
    expect(calls).toBe(1 + 3 + 7)
  })

  it('the count still adds up when minTime and warmupTime decide the number of runs', async () => {
    let calls = 0
    const r = await profile(
      async () => {
        calls++
        // at least 1 ms a call (a timer never fires early, a busy machine only makes it later):
        // the minimum time, not maxRuns (10000), ends measuring
        await sleep(1)
      },
      { warmup: 0, warmupTime: 15, runs: 2, minTime: 15 },
    )
    expect(r.warmupRuns).toBeGreaterThanOrEqual(1) // time-based warm-up runs at least once
    expect(r.latency.n).toBeGreaterThanOrEqual(2)
    // measuring stops when both minimums are met; runs beyond the 2 asked for were minTime's doing (on a machine so
    // busy that two 1 ms sleeps take 15 ms, the count is met last)
    expect(r.sampling.stoppedBy).toBe(r.latency.n > 2 ? 'minTime' : 'runs')
    expect(r.samples.latency.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(15)
    expect(calls).toBe(1 + r.warmupRuns + r.latency.n)
  })

  it('is a function profile: no model, no load time, no inputs, onnxruntime "none"', async () => {
    const r = await profile(async () => tick(), { warmup: 1, runs: 5, minTime: 0 })
    expect(r.kind).toBe('function')
    expect(r).not.toHaveProperty('model')
    expect(r).not.toHaveProperty('loadMs')
    expect(r).not.toHaveProperty('inputs')
    expect(r.firstRunMs).toBeGreaterThan(0)
    expect(r.testbed.onnxruntime).toBe('none')
    expect(r.testbed.executionProviders).toEqual([])
    expect(r.testbed.intraOpNumThreads).toBeNull()
    expect(r.memory.rssAfterLoadMB).toBe(r.memory.rssBeforeLoadMB)
    // no session is loaded, so the peak during the runs may sit below the RSS before them (GC)
    expect(r.memory.peakDeltaMB).toBeCloseTo(r.memory.peakRssMB - r.memory.rssBeforeLoadMB, 10)
    if (process.platform === 'linux') expect(r.memory.peakSource).toBe('vmhwm')
    expect(r.samples.latency).toHaveLength(5)
    expect(r.samples.cpu).toHaveLength(5)
    expect(r.latency.min).toBeLessThanOrEqual(r.latency.p50)
    expect(r.latency.p99).toBeLessThanOrEqual(r.latency.max)
    expect(r.throughput.batchSize).toBe(1)
    expect(r.options).toEqual({ warmup: 1, warmupTime: 0, runs: 5, minTime: 0 })
    expect(r.window.start).toBeLessThanOrEqual(r.window.end)
  })

  it('profiles a synchronous function too', async () => {
    let calls = 0
    const r = await profile(() => ++calls, { warmup: 2, runs: 4, minTime: 0 })
    expect(calls).toBe(1 + 2 + 4)
    expect(r.latency.n).toBe(4)
  })

  it('multiplies throughput by an explicit batchSize', async () => {
    const r = await profile(async () => tick(), { warmup: 0, runs: 5, minTime: 0, batchSize: 16 })
    expect(r.throughput.batchSize).toBe(16)
    expect(r.throughput.samplesPerSecond).toBeCloseTo(16 * r.throughput.runsPerSecond, 6)
  })

  it('validates options before calling the function', async () => {
    let calls = 0
    const err: unknown = await profile(() => ++calls, { runs: 0 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PerfgateError)
    expect((err as PerfgateError).code).toBe('OPTION_INVALID')
    expect(calls).toBe(0)
  })
})

describe('profile(throwing function)', () => {
  it('is RUN_FAILED with the function’s name and error message, the original error as cause', async () => {
    const boom = new Error('tokenizer exploded')
    async function pipeline(): Promise<void> {
      throw boom
    }
    const err: unknown = await profile(pipeline, { warmup: 1, runs: 3, minTime: 0 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PerfgateError)
    expect((err as PerfgateError).code).toBe('RUN_FAILED')
    expect((err as PerfgateError).message).toContain('tokenizer exploded')
    expect((err as PerfgateError).message).toContain('pipeline')
    expect((err as PerfgateError).cause).toBe(boom)
    expectLockNotHeldByUs()
  })

  it('a failure in the middle of the measured runs stops profiling the same way', async () => {
    let calls = 0
    const err: unknown = await profile(
      async () => {
        if (++calls === 6) throw new Error(`failed on call ${calls}`)
        await tick()
      },
      { warmup: 2, runs: 10, minTime: 0 },
    ).catch((e: unknown) => e)
    expect((err as PerfgateError).code).toBe('RUN_FAILED')
    expect((err as PerfgateError).message).toContain('failed on call 6')
    expect(calls).toBe(6) // no run after the failure
  })

  it('a thrown non-Error value is reported by its string form', async () => {
    const err: unknown = await profile(
      () => {
        throw 'plain string'
      },
      { warmup: 0, runs: 1, minTime: 0 },
    ).catch((e: unknown) => e)
    expect((err as PerfgateError).code).toBe('RUN_FAILED')
    expect((err as PerfgateError).message).toContain('plain string')
  })

  it('releases the machine: the next profile completes', async () => {
    const r = await profile(async () => tick(), { warmup: 0, runs: 3, minTime: 0 })
    expect(r.latency.n).toBe(3)
    expectLockNotHeldByUs()
  })
})

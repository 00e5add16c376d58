/**
 * profile.load(): worker threads with their own sessions on the project's
 * classifier, and in-process calls for a function. Asserted: no errors, every
 * closed-loop level runs until its duration is up and stops after the request
 * in flight (invariants of the loop, true however busy the machine is), the
 * workers are gone afterwards, how many calls are in flight at each level,
 * and the result's arithmetic. No timing threshold: requests per second are
 * reported, not asserted.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Tensor } from 'onnxruntime-node'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { PerfgateError } from '../../src/errors.js'
import { profile } from '../../src/measure/profile.js'
import type { LoadResult } from '../../src/types/index.js'

const CLASSIFIER = 'bench/models/classifier.onnx'
/** Rounding of epoch ms taken in different threads. */
const EPS_MS = 0.01
/** How long a stopped worker's OS thread may take to leave /proc on a busy machine. */
const THREADS_GONE_MS = 20_000
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))
/** OS threads of this process (Linux): worker threads and their onnxruntime threads show up here. */
const threads = () => (process.platform === 'linux' ? Number(/Threads:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) : 0)

function expectConsistent(r: LoadResult): void {
  for (const l of r.levels) {
    expect(l.requestsPerSecond).toBeCloseTo(l.requests / (l.wallMs / 1000), 6)
    expect(l.latency!.n + l.errors).toBe(l.requests)
    expect(l.latency!.p50).toBeLessThanOrEqual(l.latency!.p95)
    expect(l.latency!.p95).toBeLessThanOrEqual(l.latency!.p99)
  }
  if (r.sustainable !== null) expect(r.goodput).toBe(r.levels[r.sustainable]!.okPerSecond)
}

/**
 * A loop starts no request once the duration is up and waits only for the one
 * in flight: the level ends within its duration plus its slowest request,
 * however late the machine ran it.
 */
function expectStoppedOnTime(r: LoadResult): void {
  for (const l of r.levels) expect(l.wallMs).toBeLessThanOrEqual(r.durationMs + l.latency!.max + EPS_MS)
}

let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'perfgate-load-'))
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('profile.load on the classifier, in worker threads', () => {
  it('concurrency 1 and 2: requests at both, no errors, each level within its duration, workers gone after', async () => {
    let during = 0
    const r = await profile.load(CLASSIFIER, {
      concurrency: [1, 2],
      durationMs: 600,
      dims: { height: 32, width: 32 },
      slo: { p95: 1000 },
      onProgress: (m) => {
        if (m.startsWith('load: concurrency 2')) during = threads()
      },
    })
    expect(r.kind).toBe('load')
    expect(r.levels.map((l) => l.concurrency)).toEqual([1, 2])
    expect(r.workerLoadMs).toHaveLength(2)
    for (const l of r.levels) {
      // every worker of the level ran requests
      expect(l.requests).toBeGreaterThanOrEqual(l.concurrency)
      expect(l.errors).toBe(0)
      expect(l.missed).toBe(0)
      expect(l.offeredRate).toBeNull()
      expect(l.cpuMs).toBeGreaterThan(0)
    }
    expectConsistent(r)
    expectStoppedOnTime(r)
    expect(r.sustainable).not.toBeNull()
    expect(r.testbed.intraOpNumThreads).toBe(1)
    expect(r.testbed.onnxruntime).not.toBe('none')
    // the two workers' threads are gone (the OS may take a moment to reap them)
    if (process.platform === 'linux') await vi.waitFor(() => expect(threads()).toBeLessThanOrEqual(during - 2), { timeout: THREADS_GONE_MS, interval: 50 })
    console.log(`load: classifier 32x32 requests/s at concurrency 1, 2: ${r.levels.map((l) => l.requestsPerSecond.toFixed(0)).join(', ')}`)
  })

  it('open loop at a fixed rate: about rate x duration requests, latency from the schedule', async () => {
    const r = await profile.load(CLASSIFIER, { concurrency: [2], durationMs: 500, rate: 100, dims: { height: 16, width: 16 } })
    const l = r.levels[0]!
    expect(l.offeredRate).toBe(100)
    expect(l.requests + l.missed).toBe(50)
    expect(l.errors).toBe(0)
    expectConsistent(r)
    // a request due before the time is up may run late, but none starts after it
    expectStoppedOnTime(r)
  })

  it('failing runs are counted as errors with their message; such a level is not sustainable', async () => {
    const wrongType = new Tensor('int32', new Int32Array(3 * 8 * 8), [1, 3, 8, 8])
    const r = await profile.load(CLASSIFIER, { concurrency: [1], durationMs: 200, feeds: { pixel_values: wrongType }, warmup: 0, maxRequests: 20 })
    const l = r.levels[0]!
    expect(l.errors).toBe(l.requests)
    expect(l.errors).toBeGreaterThan(0)
    expect(l.errorRate).toBe(1)
    expect(l.latency).toBeNull()
    expect(l.errorMessages[0]).toMatch(/type|int32|float/i)
    expect(l.errorMessages[0]).toContain('pixel_values int32[1, 3, 8, 8] (from dims none (your own feeds))') // what was fed
    expect(r.sustainable).toBeNull()
    expect(r.goodput).toBe(0)
  })

  it('a file that is not ONNX fails before any worker starts', async () => {
    const bad = join(tmp, 'not-onnx.onnx')
    writeFileSync(bad, 'not a model')
    let progress = 0
    const err = (await profile.load(bad, { concurrency: [1], durationMs: 100, onProgress: () => progress++ }).catch((e: unknown) => e)) as PerfgateError
    expect(err.code).toBe('MODEL_NOT_ONNX')
    expect(err.message).toContain('not-onnx.onnx')
    expect(progress).toBe(0)
  })

  it('a model the workers cannot load fails clearly, and no worker is left running', async () => {
    const bad = join(tmp, 'bad.onnx')
    // starts like a ModelProto (ir_version), then breaks off: only onnxruntime can tell
    writeFileSync(bad, Buffer.from([0x08, 0x08, 0x12, 0x40, 0x41]))
    let during = 0
    const err = (await profile
      .load(bad, { concurrency: [1, 2], durationMs: 100, onProgress: () => (during = Math.max(during, threads())) })
      .catch((e: unknown) => e)) as PerfgateError
    expect(err.code).toBe('LOAD_WORKER_FAILED')
    expect(err.message).toContain('bad.onnx')
    expect(err.message).toMatch(/protobuf|failed/i)
    if (process.platform === 'linux') await vi.waitFor(() => expect(threads()).toBeLessThanOrEqual(during + 1), { timeout: THREADS_GONE_MS, interval: 50 })
  })
})

describe('profile.load on a function, in this thread', () => {
  it('concurrency 4 keeps 4 calls in flight, concurrency 1 one at a time', async () => {
    let inFlight = 0
    let most = 0
    let mostAtOne = 0
    const r = await profile.load(
      async () => {
        most = Math.max(most, ++inFlight)
        await sleep(10)
        inFlight--
      },
      {
        concurrency: [1, 4],
        durationMs: 400,
        warmup: 1,
        onProgress: (m) => {
          if (!m.startsWith('load: concurrency 4')) return
          mostAtOne = most
          most = 0
        },
      },
    )
    const [one, four] = r.levels
    expect(one!.errors + four!.errors).toBe(0)
    expect(mostAtOne).toBe(1) // the warmup and level 1
    expect(most).toBe(4)
    expect(four!.requests).toBeGreaterThanOrEqual(4)
    expectStoppedOnTime(r)
    expect(r.testbed.onnxruntime).toBe('none')
    expect(r.workerLoadMs).toEqual([])
    expectConsistent(r)
  })

  it('the SLO picks the sustainable level: the one with most ok requests per second that meets it', async () => {
    let inFlight = 0
    // the more calls in flight, the slower each: 5 ms alone, 5 ms more per extra call
    const contended = async () => {
      inFlight++
      await sleep(5 * inFlight)
      inFlight--
    }
    const r = await profile.load(contended, { concurrency: [1, 2, 8], durationMs: 300, slo: { p95: 25 }, warmup: 0 })
    expect(r.levels[2]!.meetsSlo).toBe(false)
    expect(r.levels[2]!.sloViolations[0]).toMatch(/^p95 [\d.]+ ms > 25 ms$/)
    expect(r.sustainable).not.toBe(2)
    expectConsistent(r)
  })

  it('a request that outlives duration and grace fails the test instead of hanging it', async () => {
    const err = (await profile
      .load(() => sleep(400), { concurrency: [1], durationMs: 50, stopGraceMs: 50, warmup: 0 })
      .catch((e: unknown) => e)) as PerfgateError
    expect(err.code).toBe('LOAD_WORKER_STUCK')
    expect(err.message).toContain('raise `stopGraceMs`')
    await sleep(450) // let the orphaned call end before the next test
  })

  it('validates options before starting anything', async () => {
    const code = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as PerfgateError).code
    expect(await code(profile.load(CLASSIFIER, { concurrency: [] }))).toBe('OPTION_INVALID')
    expect(await code(profile.load(CLASSIFIER, { concurrency: [0] }))).toBe('OPTION_INVALID')
    expect(await code(profile.load(CLASSIFIER, { durationMs: -1 }))).toBe('OPTION_INVALID')
    expect(await code(profile.load(CLASSIFIER, { slo: { p96: 3 } as never }))).toBe('OPTION_INVALID')
    expect(await code(profile.load(CLASSIFIER, { slo: { errorRate: 2 } }))).toBe('OPTION_INVALID')
    expect(await code(profile.load('no/such.onnx'))).toBe('MODEL_NOT_FOUND')
    expect(await code(profile.load(() => 1, { dims: { a: 1 } }))).toBe('OPTION_INVALID')
  })

  it('refuses more workers than the machine can hold before starting any', async () => {
    let progress = 0
    const err = (await profile.load(CLASSIFIER, { concurrency: [1, 1000], onProgress: () => progress++ }).catch((e: unknown) => e)) as PerfgateError
    expect(err.code).toBe('LOAD_CONCURRENCY_TOO_HIGH')
    expect(err.message).toContain('concurrency[1] asks for 1000 worker threads')
    expect(err.message).toMatch(/Use at most \d+ workers/)
    expect(progress).toBe(0)
  })
})

/**
 * profile.load(): worker threads with their own sessions on the project's
 * classifier, and in-process calls for a function. Asserted: no errors,
 * every level ends within its duration (plus slack for a busy machine), the
 * workers are gone afterwards, and the result's arithmetic. Requests per
 * second rising with concurrency is asserted for I/O-bound function calls
 * (4 sleeps in flight), where it cannot fail on a busy machine; for the model
 * on this project's shared 2-core runners it is reported, not asserted.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Tensor } from 'onnxruntime-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PerfgateError } from '../../src/errors.js'
import { profile } from '../../src/measure/profile.js'
import type { LoadResult } from '../../src/types/index.js'

const CLASSIFIER = 'bench/models/classifier.onnx'
/** Slack for a level's end on a loaded machine: a request in flight, a late timer. */
const SLACK_MS = 1500
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

let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'perfgate-load-'))
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('profile.load on the classifier, in worker threads', () => {
  it('concurrency 1 and 2: requests at both, no errors, each level within its duration, workers gone after', async () => {
    let during = 0
    const t0 = Date.now()
    const r = await profile.load(CLASSIFIER, {
      concurrency: [1, 2],
      durationMs: 600,
      dims: { height: 32, width: 32 },
      slo: { p95: 1000 },
      onProgress: (m) => {
        if (m.startsWith('load: concurrency 2')) during = threads()
      },
    })
    const took = Date.now() - t0
    expect(r.kind).toBe('load')
    expect(r.levels.map((l) => l.concurrency)).toEqual([1, 2])
    expect(r.workerLoadMs).toHaveLength(2)
    for (const l of r.levels) {
      expect(l.requests).toBeGreaterThan(10)
      expect(l.errors).toBe(0)
      expect(l.missed).toBe(0)
      expect(l.offeredRate).toBeNull()
      expect(l.wallMs).toBeLessThan(600 + SLACK_MS)
      expect(l.cpuMs).toBeGreaterThan(0)
    }
    expectConsistent(r)
    expect(r.sustainable).not.toBeNull()
    expect(r.testbed.intraOpNumThreads).toBe(1)
    expect(r.testbed.onnxruntime).not.toBe('none')
    // two levels of 0.6 s, two workers to start (through tsx from the sources), and stopping them
    expect(took).toBeLessThan(2 * (600 + SLACK_MS) + 20_000)
    // the two workers' threads are gone
    if (process.platform === 'linux') expect(threads()).toBeLessThanOrEqual(during - 2)
    console.log(`load: classifier 32x32 requests/s at concurrency 1, 2: ${r.levels.map((l) => l.requestsPerSecond.toFixed(0)).join(', ')}`)
  })

  it('open loop at a fixed rate: about rate x duration requests, latency from the schedule', async () => {
    const r = await profile.load(CLASSIFIER, { concurrency: [2], durationMs: 500, rate: 100, dims: { height: 16, width: 16 } })
    const l = r.levels[0]!
    expect(l.offeredRate).toBe(100)
    expect(l.requests + l.missed).toBe(50)
    expect(l.errors).toBe(0)
    expect(l.latency!.min).toBeGreaterThanOrEqual(0)
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
    if (process.platform === 'linux') expect(threads()).toBeLessThanOrEqual(during + 1)
  })
})

describe('profile.load on a function, in this thread', () => {
  it('4 sleeps in flight serve about 4x the requests per second of 1', async () => {
    const r = await profile.load(() => sleep(10), { concurrency: [1, 4], durationMs: 400, warmup: 1 })
    const [one, four] = r.levels
    expect(one!.errors + four!.errors).toBe(0)
    expect(four!.requestsPerSecond).toBeGreaterThan(2 * one!.requestsPerSecond)
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
    const err = (await profile.load(() => sleep(400), { concurrency: [1], durationMs: 50, stopGraceMs: 50, warmup: 0 }).catch((e: unknown) => e)) as PerfgateError
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

/**
 * profile(model) with real onnxruntime-node inference on the project's own
 * models: the shape of a result, its invariants, the loop's stopping rules,
 * and every error a user can meet. Runs are few and small; no timing is
 * asserted, only structure, counts and ordering.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { InferenceSession, Tensor } from 'onnxruntime-node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { buildClassifier } from '../../bench/models/generator/classifier.js'
import { PerfgateError, type ErrorCode } from '../../src/errors.js'
import type { ProfileOptions } from '../../src/measure/run/options.js'
import { profile } from '../../src/measure/profile.js'
import type { Distribution, ProfileResult } from '../../src/types/index.js'
import { expectLockNotHeldByUs } from './lock-expectations.js'

const CLASSIFIER = 'bench/models/classifier.onnx'
const DECODER = 'bench/models/tiny-gpt/model.onnx'
const DECODER_DIMS = { batch_size: 1, sequence_length: 1, past_sequence_length: 15, total_sequence_length: 16 }
/** Few runs, no minimum time: these tests check wiring, not speed. */
const QUICK = { runs: 10, minTime: 0, warmup: 2 } as const satisfies ProfileOptions
const IMAGE_32 = { height: 32, width: 32 } as const

const ortVersion = (createRequire(import.meta.url)('onnxruntime-node') as { env: { versions: { node?: string } } }).env.versions.node

function expectOrdered(d: Distribution): void {
  expect(d.min).toBeLessThanOrEqual(d.p50)
  expect(d.p50).toBeLessThanOrEqual(d.p90)
  expect(d.p90).toBeLessThanOrEqual(d.p95)
  expect(d.p95).toBeLessThanOrEqual(d.p99)
  expect(d.p99).toBeLessThanOrEqual(d.max)
  expect(d.mean).toBeGreaterThanOrEqual(d.min)
  expect(d.mean).toBeLessThanOrEqual(d.max)
  expect(d.sd).toBeGreaterThanOrEqual(0)
}

/** Awaits a rejection and returns it as a PerfgateError of `code`. */
async function rejection(p: Promise<unknown>, code: ErrorCode): Promise<PerfgateError> {
  const err: unknown = await p.then(
    () => new Error('expected a rejection, but the profile completed'),
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(PerfgateError)
  expect((err as PerfgateError).code).toBe(code)
  return err as PerfgateError
}

describe('profile(classifier.onnx)', () => {
  let result: ProfileResult

  beforeAll(async () => {
    result = await profile(CLASSIFIER, { ...QUICK, dims: IMAGE_32, session: { intraOpNumThreads: 1 } })
  })

  it('is a model profile with load and first-run times apart from the warm runs', () => {
    expect(result.kind).toBe('model')
    expect(result.loadMs).toBeGreaterThan(0)
    expect(result.firstRunMs).toBeGreaterThan(0)
    expect(result.warmupRuns).toBe(2)
  })

  it('measures exactly `runs` runs when minTime is 0, with ordered percentiles', () => {
    expect(result.latency.n).toBe(QUICK.runs)
    expectOrdered(result.latency)
    expect(result.latency.min).toBeGreaterThan(0)
    expect(result.cpu.n).toBe(result.latency.n)
    expectOrdered(result.cpu)
    expect(result.latency.cv).toBeCloseTo(result.latency.sd / result.latency.mean, 10)
  })

  it('keeps the raw samples in run order, one latency and one cpu figure per run', () => {
    expect(result.samples.latency).toHaveLength(result.latency.n)
    expect(result.samples.cpu).toHaveLength(result.latency.n)
    expect(Math.min(...result.samples.latency)).toBe(result.latency.min)
    expect(Math.max(...result.samples.latency)).toBe(result.latency.max)
    for (const c of result.samples.cpu) expect(c).toBeGreaterThanOrEqual(0)
  })

  it('derives throughput from the mean latency, batch 1 by default', () => {
    expect(result.throughput.batchSize).toBe(1)
    expect(result.throughput.runsPerSecond).toBeCloseTo(1000 / result.latency.mean, 6)
    expect(result.throughput.samplesPerSecond).toBe(result.throughput.runsPerSecond)
  })

  it('reports memory before load, after load and the peak during the runs', () => {
    const m = result.memory
    expect(m.rssBeforeLoadMB).toBeGreaterThan(0)
    expect(m.rssAfterLoadMB).toBeGreaterThan(0)
    expect(m.peakRssMB).toBeGreaterThan(0)
    expect(m.peakRssMB).toBeGreaterThanOrEqual(m.rssBeforeLoadMB)
    expect(m.peakDeltaMB).toBeCloseTo(m.peakRssMB - m.rssBeforeLoadMB, 10)
    if (process.platform === 'linux') expect(m.peakSource).toBe('vmhwm')
    else expect(['vmhwm', 'sampled']).toContain(m.peakSource)
  })

  it('identifies the model by its path, size and sha256', () => {
    const abs = resolve(CLASSIFIER)
    expect(result.model).toEqual({
      path: relative(process.cwd(), abs).split('\\').join('/'),
      bytes: statSync(abs).size,
      sha256: createHash('sha256').update(readFileSync(abs)).digest('hex'),
    })
  })

  it('records the testbed, with the onnxruntime-node version and the threads asked for', () => {
    const t = result.testbed
    expect(t.onnxruntime).toBe(ortVersion)
    expect(t.node).toBe(process.versions.node)
    expect(t.executionProviders).toEqual(['cpu'])
    expect(t.intraOpNumThreads).toBe(1)
    expect(t.interOpNumThreads).toBeNull()
    expect(t.cores).toBeGreaterThan(0)
    expect(t.cpuModel).not.toBe('')
    expect(t.os).toContain(process.platform)
    expect(t.arch).toBe(process.arch)
  })

  it('records the generated inputs, with the batch dimension defaulting to 1', () => {
    expect(result.inputs).toEqual({ pixel_values: { type: 'float32', dims: [1, 3, 32, 32] } })
  })

  it('records the options as measured, JSON-serialisable', () => {
    expect(result.options).toEqual({
      warmup: 2,
      warmupTime: 0,
      runs: 10,
      minTime: 0,
      dims: IMAGE_32,
      session: { intraOpNumThreads: 1 },
    })
    expect(JSON.parse(JSON.stringify(result))).toEqual(result)
  })

  it('records the window during which it held the machine', () => {
    expect(result.window.start).toBeLessThanOrEqual(result.window.end)
    expect(result.window.end).toBeLessThanOrEqual(Date.now())
  })
})

describe('profile(model): options that change what is measured', () => {
  it('takes the batch size from dims and multiplies throughput by it', async () => {
    const r = await profile(CLASSIFIER, { ...QUICK, dims: { batch: 4, ...IMAGE_32 } })
    expect(r.inputs?.pixel_values?.dims).toEqual([4, 3, 32, 32])
    expect(r.throughput.batchSize).toBe(4)
    expect(r.throughput.samplesPerSecond).toBeCloseTo(4 * r.throughput.runsPerSecond, 6)
    expect(r.testbed.intraOpNumThreads).toBeNull() // not asked for: onnxruntime's default
  })

  it('an explicit batchSize wins over the batch dimension', async () => {
    const r = await profile(CLASSIFIER, { ...QUICK, dims: { batch: 2, ...IMAGE_32 }, batchSize: 8 })
    expect(r.inputs?.pixel_values?.dims).toEqual([2, 3, 32, 32])
    expect(r.throughput.batchSize).toBe(8)
    expect(r.throughput.samplesPerSecond).toBeCloseTo(8 * r.throughput.runsPerSecond, 6)
    expect(r.options.batchSize).toBe(8)
  })

  it('goes on past `runs` until the minimum measured time is met', async () => {
    const r = await profile(CLASSIFIER, { dims: IMAGE_32, runs: 3, minTime: 200, warmup: 1 })
    const measured = r.samples.latency.reduce((a, b) => a + b, 0)
    expect(r.latency.n).toBeGreaterThanOrEqual(3)
    // both conditions hold at the end: enough runs, and enough time unless maxRuns stopped it
    expect(measured >= 200 || r.latency.n === 10_000).toBe(true)
    // and it stopped as soon as they held: without the last run, time was still short (or runs too few)
    const beforeLast = measured - (r.samples.latency.at(-1) ?? 0)
    expect(beforeLast < 200 || r.latency.n === 3).toBe(true)
  })

  it('stops at maxRuns even when minTime is not met', async () => {
    const r = await profile(CLASSIFIER, { dims: IMAGE_32, runs: 3, minTime: 60_000, maxRuns: 25, warmup: 0 })
    expect(r.latency.n).toBe(25)
    expect(r.warmupRuns).toBe(0)
  })

  it('profiles with the tensors given in `feeds` and records their shapes', async () => {
    const data = Float32Array.from({ length: 2 * 3 * 16 * 16 }, (_, i) => Math.sin(i))
    const r = await profile(CLASSIFIER, { ...QUICK, feeds: { pixel_values: new Tensor('float32', data, [2, 3, 16, 16]) } })
    expect(r.inputs).toEqual({ pixel_values: { type: 'float32', dims: [2, 3, 16, 16] } })
    expect(r.options.feeds).toBe('user')
    expect(r.throughput.batchSize).toBe(2) // the symbolic batch dimension of the first input, read from the feed
    expect(r.latency.n).toBe(QUICK.runs)
  })

  it('profiles the tiny-gpt decoder as one decode step with a 15-token cache', async () => {
    const r = await profile(DECODER, { ...QUICK, dims: DECODER_DIMS })
    expect(r.kind).toBe('model')
    expect(r.latency.n).toBe(QUICK.runs)
    expectOrdered(r.latency)
    expect(r.model?.path).toBe(DECODER)
    expect(r.inputs).toMatchObject({
      input_ids: { type: 'int64', dims: [1, 1] },
      attention_mask: { type: 'int64', dims: [1, 16] },
      position_ids: { type: 'int64', dims: [1, 1] },
      'past_key_values.0.key': { type: 'float32', dims: [1, 4, 15, 32] },
      'past_key_values.1.value': { type: 'float32', dims: [1, 4, 15, 32] },
    })
    expect(Object.keys(r.inputs ?? {})).toHaveLength(7)
    expect(r.throughput.batchSize).toBe(1)
  })

  describe('a generated variant outside the project', () => {
    let dir: string
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'perfgate-model-'))
    })
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    it('is identified by its absolute path and its own size and hash', async () => {
      const bytes = buildClassifier({ channels: 4 })
      const file = join(dir, 'narrow.onnx')
      writeFileSync(file, bytes)
      const r = await profile(file, { ...QUICK, dims: IMAGE_32 })
      expect(isAbsolute(r.model?.path ?? '')).toBe(true)
      expect(r.model?.bytes).toBe(bytes.byteLength)
      expect(r.model?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
      expect(r.model?.sha256).not.toBe(createHash('sha256').update(readFileSync(CLASSIFIER)).digest('hex'))
    })

    it('a file that is not ONNX fails with MODEL_NOT_ONNX naming it', async () => {
      const file = join(dir, 'garbage.onnx')
      writeFileSync(file, 'this is not a model')
      const err = await rejection(profile(file, QUICK), 'MODEL_NOT_ONNX')
      expect(err.message).toContain(file)
      expectLockNotHeldByUs()
    })
  })
})

describe('profile(model): errors', () => {
  // InferenceSession is typed as a factory, but at runtime it is the class every session is made from
  const release = vi.spyOn((InferenceSession as unknown as { prototype: InferenceSession }).prototype, 'release')
  afterEach(() => release.mockClear())
  afterAll(() => release.mockRestore())

  it('a missing model file is MODEL_NOT_FOUND, naming the path', async () => {
    const err = await rejection(profile('models/nope/missing.onnx', QUICK), 'MODEL_NOT_FOUND')
    expect(err.message).toContain('models/nope/missing.onnx')
    expect(err.name).toBe('PerfgateError')
  })

  it('a folder instead of a model file is MODEL_IS_FOLDER, not a bare EISDIR', async () => {
    const err = await rejection(profile('bench/models/tiny-gpt', QUICK), 'MODEL_IS_FOLDER')
    expect(err.message).toContain('bench/models/tiny-gpt')
  })

  it('a symbolic dimension without a value is DIM_UNRESOLVED, naming input and dim and suggesting `dims`', async () => {
    const err = await rejection(profile(CLASSIFIER, { ...QUICK, dims: { width: 32 } }), 'DIM_UNRESOLVED')
    expect(err.message).toContain("  - height: axis 2 of input 'pixel_values' float32[batch, 3, height, width]: an image side: pick your production size")
    expect(err.message).toContain('dims: { height: 640 } (CLI: --dims height=640)')
    expect(err.message).toContain('after replacing the placeholder value of height with your production size')
    expect(release).toHaveBeenCalledTimes(1) // the session is released although nothing ran
    expectLockNotHeldByUs()
  })

  it('feeds lacking a model input is FEED_MISSING, naming it and what was given', async () => {
    const t = new Tensor('float32', new Float32Array(3 * 32 * 32), [1, 3, 32, 32])
    const err = await rejection(profile(CLASSIFIER, { ...QUICK, feeds: { image: t } }), 'FEED_MISSING')
    expect(err.message).toContain("'pixel_values'")
    expect(err.message).toContain('image')
    expect(release).toHaveBeenCalledTimes(1)
  })

  it('feeds of the wrong dtype make the run fail: MODEL_RUN_FAILED, with onnxruntime’s reason as cause', async () => {
    const wrongType = new Tensor('int32', new Int32Array(3 * 32 * 32), [1, 3, 32, 32])
    const err = await rejection(profile(CLASSIFIER, { ...QUICK, feeds: { pixel_values: wrongType } }), 'MODEL_RUN_FAILED')
    expect(err.message).toContain(CLASSIFIER)
    expect(err.cause).toBeInstanceOf(Error)
    expect(release).toHaveBeenCalledTimes(1)
    expectLockNotHeldByUs()
  })

  it('feeds of the wrong rank make the run fail: MODEL_RUN_FAILED', async () => {
    const wrongRank = new Tensor('float32', new Float32Array(3 * 32 * 32), [3, 32, 32])
    await rejection(profile(CLASSIFIER, { ...QUICK, feeds: { pixel_values: wrongRank } }), 'MODEL_RUN_FAILED')
    expect(release).toHaveBeenCalledTimes(1)
  })

  it('after failed profiles, the next profile still gets the machine and completes', async () => {
    const r = await profile(CLASSIFIER, { ...QUICK, dims: IMAGE_32 })
    expect(r.latency.n).toBe(QUICK.runs)
    expect(release).toHaveBeenCalledTimes(1) // every profile releases its session
    expectLockNotHeldByUs()
  })

  it.each([
    ['runs', { runs: 0 }],
    ['runs', { runs: 2.5 }],
    ['warmup', { warmup: -1 }],
    ['minTime', { minTime: -5 }],
    ['maxRuns', { maxRuns: 0 }],
    ['batchSize', { batchSize: 0 }],
    ['dims.height', { dims: { height: 'x' } }],
    ['dims.width', { dims: { width: -1 } }],
  ] as const)('invalid option %s is OPTION_INVALID naming it (%j)', async (name, bad) => {
    // checked before the model file is even looked at
    const err = await rejection(profile('models/nope/missing.onnx', { ...QUICK, ...(bad as ProfileOptions) }), 'OPTION_INVALID')
    expect(err.message).toContain(`Invalid option profile({ ${name} }):`)
    expect(release).not.toHaveBeenCalled()
  })

  it('a target that is neither a path nor a function is OPTION_INVALID', async () => {
    const err = await rejection(profile(42 as unknown as string), 'OPTION_INVALID')
    expect(err.message).toContain('profile(target)')
  })
})

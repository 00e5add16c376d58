/**
 * profile.compare() on the project's own models: the fp32 decoder against its
 * int8 variant, and a classifier against one about 8x heavier. Asserted: the
 * shape of the result, the interleaving, that a verdict comes with an
 * interval, and the direction of the 8x effect; no timing threshold.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, chai, describe, expect, it } from 'vitest'

import { buildHeavyClassifier, buildInt8Decoder } from '../../bench/models/generate.js'
import { PerfgateError } from '../../src/errors.js'
import { profile } from '../../src/measure/profile.js'
import { mannWhitneyU } from '../../src/stats/index.js'
import type { ModelComparison } from '../../src/types/index.js'
import { installFasterThan } from '../../src/vitest/faster-matcher.js'

installFasterThan(expect, chai)

const DECODER = 'bench/models/tiny-gpt/model.onnx'
const CLASSIFIER = 'bench/models/classifier.onnx'
const DECODER_DIMS = { batch_size: 1, sequence_length: 1, past_sequence_length: 15, total_sequence_length: 16 }

let tmp: string
let int8: string
let heavy: string
let quant: ModelComparison<'fp32' | 'int8'>
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'perfgate-compare-'))
  int8 = join(tmp, 'tiny-gpt-int8.onnx')
  heavy = join(tmp, 'classifier-heavy.onnx')
  writeFileSync(int8, buildInt8Decoder())
  writeFileSync(heavy, buildHeavyClassifier())
  quant = await profile.compare(
    { fp32: DECODER, int8 },
    { dims: DECODER_DIMS, rounds: 6, runsPerRound: 10, processRounds: 2, session: { intraOpNumThreads: 1 } },
  )
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('profile.compare: fp32 decoder vs its int8 variant', () => {
  it('each variant is a full profile result with its per-process samples', () => {
    for (const [name, r] of [
      ['fp32', quant.fp32],
      ['int8', quant.int8],
    ] as const) {
      expect(r.variant).toBe(name)
      expect(r.kind).toBe('model')
      expect(r.latency.n).toBe(60)
      expect(r.samples.latency).toHaveLength(60)
      expect(r.warmupRuns).toBe(12)
      expect(r.processSamples.loadMs).toHaveLength(2)
      expect(r.processSamples.peakDeltaMB).toHaveLength(2)
      expect(r.loadMs).toBeGreaterThan(0)
      expect(r.memory.peakDeltaMB).toBeGreaterThan(0)
      expect(r.options).toMatchObject({ rounds: 6, runsPerRound: 10, warmup: 2, processRounds: 2, dims: DECODER_DIMS })
      expect(r.inputs!.input_ids!.dims).toEqual([1, 1])
    }
    expect(quant.int8.model!.bytes).toBe(statSync(int8).size)
  })

  it('ran the variants interleaved, alternating who goes first', () => {
    expect(quant.summary.order).toEqual([
      ['fp32', 'int8'],
      ['int8', 'fp32'],
      ['fp32', 'int8'],
      ['int8', 'fp32'],
      ['fp32', 'int8'],
      ['int8', 'fp32'],
    ])
    expect(quant.fp32.window).toEqual(quant.int8.window)
  })

  it('gives a verdict with an interval for every ratio of int8 against fp32', () => {
    const s = quant.summary
    expect(s.reference).toBe('fp32')
    expect(s.variants).toEqual(['fp32', 'int8'])
    expect(s.confidence).toBe(0.95)
    expect(s.ratios).toHaveLength(1)
    const r = s.ratios[0]!
    expect(r.variant).toBe('int8')
    for (const e of [r.latency, r.throughput, r.loadMs]) {
      expect(e.low).toBeLessThanOrEqual(e.ratio)
      expect(e.high).toBeGreaterThanOrEqual(e.ratio)
      // lower or higher only when the whole interval lies on that side of 1
      expect(e.verdict).toBe(e.high < 1 ? 'lower' : e.low > 1 ? 'higher' : 'same')
    }
    expect(r.latency.n).toBe(60)
    expect(r.latency.ratio).toBeCloseTo(quant.int8.latency.p50 / quant.fp32.latency.p50, 9)
    // the rank test of the two variants' own samples
    expect(r.latency.pValue).toBe(mannWhitneyU(quant.int8.samples.latency, quant.fp32.samples.latency).pValue)
    expect(r.throughput.ratio).toBeCloseTo(quant.int8.throughput.runsPerSecond / quant.fp32.throughput.runsPerSecond, 9)
    expect(r.fileSize.ratio).toBeCloseTo(quant.int8.model!.bytes / quant.fp32.model!.bytes, 12)
    expect(r.fileSize.verdict).toBe('lower')
    expect(r.verdict).toMatch(/^int8 (is faster than|is slower than|and) fp32.*median latency [\d.]+x \(95% CI [\d.]+x-[\d.]+x/)
  })
})

describe('toBeFasterThan on a classifier and one about 8x heavier', () => {
  it('passes the right way round (by 20%) and fails the other way', async () => {
    const cmp = await profile.compare(
      { light: CLASSIFIER, heavy },
      { dims: { height: 64, width: 64 }, rounds: 4, runsPerRound: 8, processRounds: 1, session: { intraOpNumThreads: 1 } },
    )
    expect(cmp.light).toBeFasterThan(cmp.heavy, { by: '20%' })
    expect(cmp.heavy).not.toBeFasterThan(cmp.light)
    expect(cmp.summary.ratios[0]!.latency.verdict).toBe('higher')
    expect(cmp.summary.ratios[0]!.verdict).toMatch(/^heavy is slower than light/)
  })
})

describe('profile.compare errors', () => {
  it('refuses fewer than two variants, a reserved name, an unknown reference and a missing file before measuring', async () => {
    const code = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as PerfgateError).code
    expect(await code(profile.compare({ only: DECODER }))).toBe('COMPARE_VARIANTS_INVALID')
    expect(await code(profile.compare({ summary: DECODER, b: DECODER }))).toBe('COMPARE_VARIANTS_INVALID')
    expect(await code(profile.compare({ a: DECODER, b: DECODER }, { reference: 'c' }))).toBe('COMPARE_VARIANTS_INVALID')
    expect(await code(profile.compare({ a: DECODER, b: 'no/such.onnx' }))).toBe('MODEL_NOT_FOUND')
    expect(await code(profile.compare({ a: DECODER, b: DECODER }, { rounds: 0 }))).toBe('OPTION_INVALID')
  })

  it('a model onnxruntime cannot load fails with its path, from the fresh process', async () => {
    const bad = join(tmp, 'bad.onnx')
    writeFileSync(bad, 'not a model')
    const err = (await profile.compare({ a: DECODER, b: bad }, { dims: DECODER_DIMS, processRounds: 1 }).catch((e: unknown) => e)) as PerfgateError
    expect(err.code).toBe('MODEL_LOAD_FAILED')
    expect(err.message).toContain('bad.onnx')
    expect(err.message).not.toMatch(/^\s+at /m)
  })
})

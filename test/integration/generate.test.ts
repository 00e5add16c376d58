/**
 * profile.generate and its loop with real onnxruntime-node inference on the
 * project's own decoder, in both KV-cache layouts: the cached loop against a
 * reference that re-runs the whole growing sequence without a cache, token
 * counts against the tokenizer, batching, end-of-sequence handling, the shape
 * of a result, and every error a user can meet. No timing is asserted.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Tokenizer } from '@huggingface/tokenizers'
import { InferenceSession, Tensor } from 'onnxruntime-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MODELS_DIR, tinyGptFiles, VARIANT_OPTIONS, writeFiles } from '../../bench/models/generate.js'
import { PerfgateError, type ErrorCode } from '../../src/errors.js'
import { detectDecoderLayout, type DecoderLayout } from '../../src/measure/generation/decoder-layout.js'
import { generateBatch, type DecoderSession, type GenerationSettings } from '../../src/measure/generation/generation-loop.js'
import { profile } from '../../src/measure/profile.js'
import type { Distribution, GenerationResult } from '../../src/types/index.js'

const TINY_GPT = join(MODELS_DIR, 'tiny-gpt')
const PROMPTS = ['The river ran through the valley, past the mill.', 'Hello world', 'Once upon a time there lived an old miller and his three daughters.']
/** Few passes: these tests check wiring, not speed. */
const QUICK = { runs: 2, warmup: 0, maxNewTokens: 8 } as const

const readJson = (path: string): object => JSON.parse(readFileSync(path, 'utf8')) as object
const tokenizer = new Tokenizer(readJson(join(TINY_GPT, 'tokenizer.json')), readJson(join(TINY_GPT, 'tokenizer_config.json')))

let tmp: string
let legacyDir: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'perfgate-generate-'))
  writeFiles(tinyGptFiles('legacy', VARIANT_OPTIONS.legacyDecoder), tmp)
  legacyDir = join(tmp, 'legacy')
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function argmax(row: Float32Array): number {
  let best = 0
  for (let i = 1; i < row.length; i++) if (row[i]! > row[best]!) best = i
  return best
}

function lastRow(logits: Tensor): Float32Array {
  const [, s, v] = logits.dims as [number, number, number]
  return (logits.data as Float32Array).slice((s - 1) * v, s * v)
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  let m = 0
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!))
  return m
}

/**
 * Greedy generation without a cache: every step runs the whole sequence so far
 * from an empty past, written here independently of the loop under test.
 */
async function referenceGreedy(session: InferenceSession, layout: DecoderLayout, promptIds: number[], steps: number) {
  const seq = [...promptIds]
  const logits: Float32Array[] = []
  const ids = (xs: number[]) =>
    layout.ids === 'int32' ? new Tensor('int32', Int32Array.from(xs), [1, xs.length]) : new Tensor('int64', BigInt64Array.from(xs, BigInt), [1, xs.length])
  for (let k = 0; k < steps; k++) {
    const feeds: Record<string, Tensor> = {
      input_ids: ids(seq),
      attention_mask: ids(seq.map(() => 1)),
      position_ids: ids(seq.map((_, i) => i)),
    }
    for (let i = 0; i < layout.layers; i++) {
      if (layout.kind === 'optimum') {
        feeds[`past_key_values.${i}.key`] = new Tensor('float32', new Float32Array(0), [1, 4, 0, 32])
        feeds[`past_key_values.${i}.value`] = new Tensor('float32', new Float32Array(0), [1, 4, 0, 32])
      } else {
        feeds[`past_${i}`] = new Tensor('float32', new Float32Array(0), [2, 1, 4, 0, 32])
      }
    }
    const row = lastRow((await session.run(feeds)).logits as Tensor)
    logits.push(row)
    seq.push(argmax(row))
  }
  return { tokens: seq.slice(promptIds.length), logits }
}

const settings = (maxNewTokens: number): GenerationSettings => ({ maxNewTokens, ignoreEos: true, eosTokenIds: new Set(), padTokenId: 511, modelLabel: 'test' })

describe.each([
  ['Optimum layout (past_key_values.{i}.key|value, int64 ids)', () => join(TINY_GPT, 'model.onnx'), 'optimum'],
  ['legacy GPT-2 layout (stacked past_{i}, int32 ids)', () => join(legacyDir, 'model.onnx'), 'legacy'],
] as const)('the generation loop, %s', (_name, modelPath, kind) => {
  let session: InferenceSession
  let layout: DecoderLayout
  beforeAll(async () => {
    session = await InferenceSession.create(modelPath())
    layout = detectDecoderLayout(session.inputMetadata, session.outputMetadata, 'model.onnx')
  })
  afterAll(async () => {
    await session?.release()
  })

  it('detects the layout from the session metadata', () => {
    expect(layout.kind).toBe(kind)
    expect(layout.layers).toBe(2)
    expect(layout.ids).toBe(kind === 'legacy' ? 'int32' : 'int64')
    expect([layout.heads, layout.headDim]).toEqual([4, 32])
  })

  it('feeds the KV cache back: every step equals a full re-run of the growing sequence without a cache', async () => {
    const steps = 12
    for (const prompt of PROMPTS) {
      const recorded: Float32Array[] = []
      const recording: DecoderSession = {
        run: async (feeds) => {
          const out = await session.run(feeds)
          recorded.push(lastRow(out.logits as Tensor))
          return out
        },
      }
      const [row] = await generateBatch(recording, layout, tokenizer, [prompt], settings(steps))
      const promptIds = tokenizer.encode(prompt).ids
      const reference = await referenceGreedy(session, layout, promptIds, steps)
      expect(row!.inputIds).toEqual(promptIds)
      expect(row!.outputIds).toEqual(reference.tokens)
      expect(recorded).toHaveLength(steps)
      for (let k = 0; k < steps; k++) expect(maxAbsDiff(recorded[k]!, reference.logits[k]!), `${prompt}: step ${k}`).toBeLessThan(1e-4)
    }
  })

  it('records one ascending timestamp per generated token', async () => {
    const [row] = await generateBatch(session, layout, tokenizer, [PROMPTS[0]!], settings(5))
    expect(row!.tokenTimesMs).toHaveLength(5)
    for (let i = 1; i < 5; i++) expect(row!.tokenTimesMs[i]!).toBeGreaterThanOrEqual(row!.tokenTimesMs[i - 1]!)
    expect(row!.tokenTimesMs[0]!).toBeGreaterThan(0)
  })

  it('left-pads a batch of prompts of different lengths: each row generates what it generates alone', async () => {
    const alone = await Promise.all(PROMPTS.map(async (p) => (await generateBatch(session, layout, tokenizer, [p], settings(10)))[0]!.outputIds))
    const together = await generateBatch(session, layout, tokenizer, PROMPTS, settings(10))
    expect(together.map((r) => r.outputIds)).toEqual(alone)
    expect(together.map((r) => r.inputIds.length)).toEqual(PROMPTS.map((p) => tokenizer.encode(p).ids.length))
    // tokens of one batch arrive together
    expect(new Set(together.map((r) => r.tokenTimesMs[0])).size).toBe(1)
  })
})

function expectOrdered(d: Distribution): void {
  expect(d.min).toBeLessThanOrEqual(d.p50)
  expect(d.p50).toBeLessThanOrEqual(d.p95)
  expect(d.p95).toBeLessThanOrEqual(d.max)
  expect(d.mean).toBeGreaterThanOrEqual(d.min)
  expect(d.mean).toBeLessThanOrEqual(d.max)
}

describe('profile.generate on the embedded tiny-gpt folder', () => {
  let g: GenerationResult
  beforeAll(async () => {
    g = await profile.generate(TINY_GPT, { prompts: PROMPTS, ...QUICK, runs: 3, warmup: 1 })
  })

  it('describes the model, the layout and the options it ran with', () => {
    expect(g.kind).toBe('generation')
    expect(g.layout).toBe('optimum')
    expect(g.model.path).toMatch(/tiny-gpt\/model\.onnx$/)
    expect(g.model.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(g.tokenizer).toMatch(/tiny-gpt\/tokenizer\.json$/)
    expect([g.runs, g.warmupRuns, g.batchSize, g.maxNewTokens, g.ignoreEos]).toEqual([3, 1, 1, 8, true])
    expect(g.options).toMatchObject({ prompts: 3, maxNewTokens: 8, ignoreEos: true, warmup: 1, runs: 3, batchSize: 1 })
    expect(g.options.promptsSha256).toMatch(/^[0-9a-f]{12}$/)
    expect(g.loadMs).toBeGreaterThan(0)
    expect(g.testbed.onnxruntime).not.toBe('none')
    expect(g.window.start).toBeLessThanOrEqual(g.window.end)
  })

  it('counts input tokens with the tokenizer and generates exactly maxNewTokens per request', () => {
    expect(g.prompts.map((p) => p.inputTokens)).toEqual(PROMPTS.map((p) => tokenizer.encode(p).ids.length))
    expect(g.prompts.map((p) => p.prompt)).toEqual(PROMPTS)
    for (const p of g.prompts) {
      expect(p.outputTokens).toBe(8)
      expect(p.tokens).toHaveLength(8)
      expect(p.text).toBe(tokenizer.decode(p.tokens, { skip_special_tokens: true }))
    }
    expect(g.requests).toHaveLength(PROMPTS.length * 3)
    expect(g.requests.map((r) => [r.prompt, r.run])).toEqual([0, 1, 2].flatMap((run) => [0, 1, 2].map((prompt) => [prompt, run])))
    expect(g.inputTokens.mean).toBeCloseTo(PROMPTS.reduce((a, p) => a + tokenizer.encode(p).ids.length, 0) / 3, 10)
    expect(g.outputTokens).toMatchObject({ min: 8, max: 8 })
  })

  it('returns the same text as a step-by-step reference run would', async () => {
    const session = await InferenceSession.create(join(TINY_GPT, 'model.onnx'))
    try {
      const layout = detectDecoderLayout(session.inputMetadata, session.outputMetadata, 'model.onnx')
      for (const p of g.prompts) expect(p.tokens).toEqual((await referenceGreedy(session, layout, tokenizer.encode(p.prompt).ids, 8)).tokens)
    } finally {
      await session.release()
    }
  })

  it('summarises TTFT, TPOT, ITL, E2E and tokens per second per request and over all', () => {
    for (const d of [g.ttft, g.tpot!, g.itl!, g.e2e, g.tokensPerSecond, g.totalTokensPerSecond, g.prefillTokensPerSecond]) expectOrdered(d)
    expect(g.ttft.n).toBe(9)
    expect(g.tpot!.n).toBe(9)
    expect(g.itl!.n).toBe(9 * 7)
    for (const r of g.requests) {
      expect(r.ttftMs).toBeGreaterThan(0)
      expect(r.ttftMs).toBeLessThanOrEqual(r.e2eMs)
      expect(r.tpotMs).toBeCloseTo((r.e2eMs - r.ttftMs) / 7, 10)
      expect(r.itlMs).toHaveLength(7)
      expect(r.tokensPerSecond).toBeCloseTo((8 * 1000) / r.e2eMs, 8)
      expect(r.totalTokensPerSecond).toBeCloseTo(((r.inputTokens + 8) * 1000) / r.e2eMs, 8)
    }
    for (const p of g.prompts) expect(p.ttft.n).toBe(3)
  })

  it('reports how TTFT and TPOT grow with the prompt length', () => {
    expect(g.scaling.ttft).not.toBeNull()
    expect(g.scaling.ttft!.points).toBe(9)
    expect(g.scaling.tpot!.points).toBe(9)
    // each line is the least-squares fit of its figure on the requests' input tokens: the residuals
    // sum to zero and are uncorrelated with x (the normal equations), and r^2 = 1 - SSres / SStot
    for (const figure of ['ttftMs', 'tpotMs'] as const) {
      const line = figure === 'ttftMs' ? g.scaling.ttft! : g.scaling.tpot!
      const xs = g.requests.map((q) => q.inputTokens)
      const ys = g.requests.map((q) => q[figure]!)
      const res = ys.map((y, i) => y - (line.interceptMs + line.slopeMsPerToken * xs[i]!))
      const meanY = ys.reduce((a, b) => a + b, 0) / ys.length
      const ssTot = ys.reduce((a, y) => a + (y - meanY) ** 2, 0)
      const scale = Math.max(...ys.map(Math.abs))
      expect(Math.abs(res.reduce((a, r) => a + r, 0)) / scale).toBeLessThan(1e-9)
      expect(Math.abs(res.reduce((a, r, i) => a + r * xs[i]!, 0)) / (scale * Math.max(...xs))).toBeLessThan(1e-9)
      expect(line.r ** 2).toBeCloseTo(1 - res.reduce((a, r) => a + r * r, 0) / ssTot, 9)
      expect(Math.sign(line.r)).toBe(Math.sign(line.slopeMsPerToken))
    }
  })

  it('measures memory as profile() does', () => {
    const m = g.memory
    expect(m.rssBeforeLoadMB).toBeGreaterThan(0)
    expect(m.peakRssMB).toBeGreaterThan(0)
    expect(m.peakDeltaMB).toBeCloseTo(m.peakRssMB - m.rssBeforeLoadMB, 10)
    expect(['vmhwm', 'sampled']).toContain(m.peakSource)
  })

  it('judges every measured request for disturbance, by the generate call that produced it', () => {
    const d = g.disturbance!
    expect(d.rule).toBe(1)
    expect(d.runs).toBe(g.requests.length)
    expect(d.share).toBe(d.disturbedRuns / d.runs)
    expect(d.load?.cores).toBeGreaterThanOrEqual(1)
  })
})

describe('profile.generate options', () => {
  it('drives the legacy layout and gets the same tokens as the Optimum export of the same weights', async () => {
    const legacy = await profile.generate(legacyDir, { prompts: PROMPTS, ...QUICK, runs: 1 })
    const optimum = await profile.generate(TINY_GPT, { prompts: PROMPTS, ...QUICK, runs: 1 })
    expect(legacy.layout).toBe('legacy')
    expect(legacy.prompts.map((p) => p.tokens)).toEqual(optimum.prompts.map((p) => p.tokens))
  })

  it('takes explicit paths, and prompts from a file with one per line or a JSON array', async () => {
    const lines = join(tmp, 'prompts.txt')
    writeFileSync(lines, `${PROMPTS[0]}\n\n${PROMPTS[1]}\r\n`)
    const json = join(tmp, 'prompts.json')
    writeFileSync(json, JSON.stringify([PROMPTS[1], 'line one\nline two']))
    const explicit = { model: join(TINY_GPT, 'model.onnx'), tokenizer: join(TINY_GPT, 'tokenizer.json') }
    const fromLines = await profile.generate(explicit, { prompts: lines, ...QUICK, runs: 1 })
    expect(fromLines.prompts.map((p) => p.prompt)).toEqual([PROMPTS[0], PROMPTS[1]])
    const fromJson = await profile.generate(TINY_GPT, { prompts: json, ...QUICK, runs: 1 })
    expect(fromJson.prompts.map((p) => p.prompt)).toEqual([PROMPTS[1], 'line one\nline two'])
  })

  it('generates batches with the same output as one prompt at a time', async () => {
    const batched = await profile.generate(TINY_GPT, { prompts: PROMPTS, ...QUICK, runs: 1, batchSize: 2 })
    const single = await profile.generate(TINY_GPT, { prompts: PROMPTS, ...QUICK, runs: 1 })
    expect(batched.batchSize).toBe(2)
    expect(batched.prompts.map((p) => p.tokens)).toEqual(single.prompts.map((p) => p.tokens))
    // prompts 0 and 1 shared a batch, so their first tokens arrived at the same moment
    expect(batched.requests[0]!.ttftMs).toBe(batched.requests[1]!.ttftMs)
  })

  it('stops at the end-of-sequence token unless ignoreEos, which is the default', async () => {
    // the tiny-gpt answers "Hello world" with token 252 again and again: declare 252 the end of sequence
    const dir = join(tmp, 'eos-252')
    mkdirSync(dir, { recursive: true })
    for (const f of ['model.onnx', 'tokenizer.json', 'tokenizer_config.json', 'config.json']) copyFileSync(join(TINY_GPT, f), join(dir, f))
    const first = (await profile.generate(TINY_GPT, { prompts: ['Hello world'], ...QUICK, runs: 1 })).prompts[0]!.tokens[0]!
    writeFileSync(join(dir, 'generation_config.json'), JSON.stringify({ eos_token_id: first, pad_token_id: 511 }))
    const stopping = await profile.generate(dir, { prompts: ['Hello world'], ...QUICK, runs: 2, ignoreEos: false })
    expect(stopping.prompts[0]!.outputTokens).toBe(1)
    expect(stopping.tpot).toBeNull()
    expect(stopping.itl).toBeNull()
    expect(stopping.requests.every((r) => r.e2eMs === r.ttftMs)).toBe(true)
    const ignoring = await profile.generate(dir, { prompts: ['Hello world'], ...QUICK, runs: 1 })
    expect(ignoring.prompts[0]!.outputTokens).toBe(8)
  })

  it('takes turns with other measurements on the machine lock', async () => {
    const [g, p] = await Promise.all([
      profile.generate(TINY_GPT, { prompts: PROMPTS, ...QUICK, runs: 1 }),
      profile(() => new Promise((r) => setTimeout(r, 1)), { runs: 5, warmup: 0, minTime: 0 }),
    ])
    const [a, b] = [g.window, p.window].sort((x, y) => x.start - y.start)
    expect(a!.end).toBeLessThanOrEqual(b!.start)
  })
})

async function expectCode(promise: Promise<unknown>, code: ErrorCode, ...texts: string[]): Promise<string> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(PerfgateError)
  expect((err as PerfgateError).code).toBe(code)
  for (const t of texts) expect((err as PerfgateError).message).toContain(t)
  return (err as PerfgateError).message
}

describe('profile.generate errors say what is wrong and how to fix it', () => {
  it('a folder without tokenizer.json', async () => {
    const dir = join(tmp, 'no-tokenizer')
    mkdirSync(dir, { recursive: true })
    copyFileSync(join(TINY_GPT, 'model.onnx'), join(dir, 'model.onnx'))
    await expectCode(profile.generate(dir, { prompts: ['x'] }), 'TOKENIZER_MISSING', 'No tokenizer.json in', '{ model:')
  })

  it('a model without a KV cache: lists the inputs found and the layouts supported', async () => {
    const dir = join(tmp, 'classifier')
    mkdirSync(dir, { recursive: true })
    copyFileSync(join(MODELS_DIR, 'classifier.onnx'), join(dir, 'model.onnx'))
    copyFileSync(join(TINY_GPT, 'tokenizer.json'), join(dir, 'tokenizer.json'))
    await expectCode(
      profile.generate(dir, { prompts: ['x'], ...QUICK }),
      'DECODER_LAYOUT_UNSUPPORTED',
      'it has no input_ids input',
      'Inputs found: pixel_values (float32)',
      'Outputs found: logits (float32)',
      'past_key_values.{i}.key',
      'past_{i} [2, batch, heads, past_len, head_size]',
    )
  })

  it('an empty prompt list, an empty prompts file and a prompt without tokens', async () => {
    await expectCode(profile.generate(TINY_GPT, { prompts: [] }), 'PROMPTS_EMPTY', 'prompts is an empty array', 'at least one prompt')
    const empty = join(tmp, 'empty.txt')
    writeFileSync(empty, '\n  \n')
    await expectCode(profile.generate(TINY_GPT, { prompts: empty }), 'PROMPTS_EMPTY', `the file ${empty} holds none`)
    await expectCode(profile.generate(TINY_GPT, { prompts: ['fine', ''] }), 'PROMPT_WITHOUT_TOKENS', "Prompt 1 ('')")
    await expectCode(profile.generate(TINY_GPT, { prompts: join(tmp, 'missing.txt') }), 'PROMPTS_UNREADABLE', 'the file does not exist')
  })

  it('maxNewTokens 0 and other invalid options', async () => {
    await expectCode(
      profile.generate(TINY_GPT, { prompts: ['x'], maxNewTokens: 0 }),
      'OPTION_INVALID',
      'Invalid option profile.generate({ maxNewTokens }): got 0, expected an integer from 1 to 1000000',
    )
    await expectCode(profile.generate(TINY_GPT, { prompts: ['x'], runs: 0 }), 'OPTION_INVALID', 'runs')
    await expectCode(profile.generate(TINY_GPT, { prompts: ['x'], batchSize: 1.5 }), 'OPTION_INVALID', 'batchSize')
  })

  it('a sequence longer than the model takes, and a model path that is not there', async () => {
    await expectCode(
      profile.generate(TINY_GPT, { prompts: ['x'.repeat(300)], maxNewTokens: 8 }),
      'GENERATION_TOO_LONG',
      "beyond the model's 256 positions (max_position_embeddings in config.json)",
    )
    await expectCode(profile.generate(join(tmp, 'nowhere'), { prompts: ['x'] }), 'LANGUAGE_MODEL_NOT_FOUND', 'the path does not exist')
    await expectCode(profile.generate(resolve(tmp), { prompts: ['x'] }), 'LANGUAGE_MODEL_NOT_FOUND')
  })
})

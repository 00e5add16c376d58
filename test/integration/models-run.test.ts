/**
 * Runs the generated benchmark models (bench/models) with real onnxruntime-node
 * inference: shapes, symbolic dims, KV-cache correctness, padding, tokenizer.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Tokenizer } from '@huggingface/tokenizers'
import { InferenceSession, Tensor } from 'onnxruntime-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MODELS_DIR } from '../../bench/models/generate.js'

const readBytes = (rel: string): Uint8Array => new Uint8Array(readFileSync(join(MODELS_DIR, rel)))
const readJson = <T>(rel: string): T => JSON.parse(readFileSync(join(MODELS_DIR, rel), 'utf8')) as T

interface GptConfig {
  num_hidden_layers: number
  num_attention_heads: number
  hidden_size: number
  vocab_size: number
  max_position_embeddings: number
  eos_token_id: number
}

function metaShape(session: InferenceSession, name: string, kind: 'input' | 'output'): readonly (string | number)[] {
  const list = kind === 'input' ? session.inputMetadata : session.outputMetadata
  const m = list.find((x) => x.name === name)
  if (!m || !m.isTensor) throw new Error(`no tensor ${kind} ${name}`)
  return m.shape
}

function allFinite(data: Float32Array): boolean {
  for (const v of data) if (!Number.isFinite(v)) return false
  return true
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length)
  let m = 0
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] as number) - (b[i] as number)))
  return m
}

function int64(rows: number[][]): Tensor {
  const b = rows.length
  const s = rows[0]?.length ?? 0
  return new Tensor(
    'int64',
    BigInt64Array.from(rows.flat(), (v) => BigInt(v)),
    [b, s],
  )
}

describe('classifier.onnx', () => {
  let session: InferenceSession
  beforeAll(async () => {
    session = await InferenceSession.create(readBytes('classifier.onnx'))
  })
  afterAll(async () => {
    await session?.release()
  })

  it('declares symbolic batch/height/width dims', () => {
    expect(session.inputNames).toEqual(['pixel_values'])
    expect(session.outputNames).toEqual(['logits'])
    expect(metaShape(session, 'pixel_values', 'input')).toEqual(['batch', 3, 'height', 'width'])
    expect(metaShape(session, 'logits', 'output')).toEqual(['batch', 10])
  })

  it('classifies a batch of 2 at 32x32 into logits [2, 10]', async () => {
    const n = 2 * 3 * 32 * 32
    const pixels = new Float32Array(n)
    for (let i = 0; i < n; i++) pixels[i] = Math.sin(i * 0.123)
    const out = await session.run({ pixel_values: new Tensor('float32', pixels, [2, 3, 32, 32]) })
    const logits = out.logits as Tensor
    expect(logits.dims).toEqual([2, 10])
    const data = logits.data as Float32Array
    expect(allFinite(data)).toBe(true)
    // different images give different logits
    expect(maxAbsDiff(data.subarray(0, 10), data.subarray(10, 20))).toBeGreaterThan(1e-6)
  })

  it('accepts other spatial sizes (dims really are dynamic)', async () => {
    const pixels = new Float32Array(1 * 3 * 17 * 23).fill(0.25)
    const out = await session.run({ pixel_values: new Tensor('float32', pixels, [1, 3, 17, 23]) })
    expect((out.logits as Tensor).dims).toEqual([1, 10])
  })
})

describe('tiny-gpt/model.onnx', () => {
  const config = readJson<GptConfig>('tiny-gpt/config.json')
  const L = config.num_hidden_layers
  const H = config.num_attention_heads
  const Dh = config.hidden_size / H
  const V = config.vocab_size
  let session: InferenceSession
  let tokenizer: Tokenizer

  beforeAll(async () => {
    session = await InferenceSession.create(readBytes('tiny-gpt/model.onnx'))
    tokenizer = new Tokenizer(readJson('tiny-gpt/tokenizer.json'), readJson('tiny-gpt/tokenizer_config.json'))
  })
  afterAll(async () => {
    await session?.release()
  })

  type Past = Record<string, Tensor>

  function emptyPast(batch: number): Past {
    const past: Past = {}
    for (let i = 0; i < L; i++) {
      for (const kv of ['key', 'value']) {
        past[`past_key_values.${i}.${kv}`] = new Tensor('float32', new Float32Array(0), [batch, H, 0, Dh])
      }
    }
    return past
  }

  /** Turns one call's present.* outputs into the next call's past_key_values.* inputs. */
  function presentsToPast(out: InferenceSession.OnnxValueMapType): Past {
    const past: Past = {}
    for (let i = 0; i < L; i++) {
      for (const kv of ['key', 'value']) past[`past_key_values.${i}.${kv}`] = out[`present.${i}.${kv}`] as Tensor
    }
    return past
  }

  async function step(ids: number[][], mask: number[][], positions: number[][], past: Past) {
    return session.run({
      input_ids: int64(ids),
      attention_mask: int64(mask),
      position_ids: int64(positions),
      ...past,
    })
  }

  /** Logits of one (batch, position) row. */
  function logitsAt(t: Tensor, b: number, s: number): Float32Array {
    const [, S, Vd] = t.dims as [number, number, number]
    return (t.data as Float32Array).slice((b * S + s) * Vd, (b * S + s + 1) * Vd)
  }

  const range = (n: number, start = 0): number[] => Array.from({ length: n }, (_, i) => start + i)
  const ones = (n: number): number[] => new Array<number>(n).fill(1)

  it('has the Optimum-style inputs and outputs with symbolic dims', () => {
    const pastNames = range(L).flatMap((i) => [`past_key_values.${i}.key`, `past_key_values.${i}.value`])
    const presentNames = range(L).flatMap((i) => [`present.${i}.key`, `present.${i}.value`])
    expect(session.inputNames).toEqual(['input_ids', 'attention_mask', 'position_ids', ...pastNames])
    expect(session.outputNames).toEqual(['logits', ...presentNames])
    expect(metaShape(session, 'input_ids', 'input')).toEqual(['batch_size', 'sequence_length'])
    expect(metaShape(session, 'attention_mask', 'input')).toEqual(['batch_size', 'total_sequence_length'])
    expect(metaShape(session, 'position_ids', 'input')).toEqual(['batch_size', 'sequence_length'])
    for (const n of pastNames) expect(metaShape(session, n, 'input')).toEqual(['batch_size', H, 'past_sequence_length', Dh])
    expect(metaShape(session, 'logits', 'output')).toEqual(['batch_size', 'sequence_length', V])
    for (const n of presentNames) {
      expect(metaShape(session, n, 'output')).toEqual(['batch_size', H, 'total_sequence_length', Dh])
    }
  })

  it('(a) prefills 6 tokens with an empty (zero-length) past', async () => {
    const ids = [[17, 300, 42, 7, 99, 511]]
    const out = await step(ids, [ones(6)], [range(6)], emptyPast(1))
    const logits = out.logits as Tensor
    expect(logits.dims).toEqual([1, 6, V])
    expect(allFinite(logits.data as Float32Array)).toBe(true)
    for (let i = 0; i < L; i++) {
      expect((out[`present.${i}.key`] as Tensor).dims).toEqual([1, H, 6, Dh])
      expect((out[`present.${i}.value`] as Tensor).dims).toEqual([1, H, 6, Dh])
    }
  })

  it('(b) KV cache: prefill N-1 + one decode step equals a full prefill of N', async () => {
    const ids = tokenizer.encode('The river ran through the valley, past the mill.').ids
    const N = ids.length
    expect(N).toBeGreaterThanOrEqual(6)

    const full = await step([ids], [ones(N)], [range(N)], emptyPast(1))
    const prefix = await step([ids.slice(0, N - 1)], [ones(N - 1)], [range(N - 1)], emptyPast(1))
    const decode = await step([[ids[N - 1] as number]], [ones(N)], [[N - 1]], presentsToPast(prefix))

    const fullLogits = full.logits as Tensor
    const decodeLogits = decode.logits as Tensor
    expect(decodeLogits.dims).toEqual([1, 1, V])
    expect(maxAbsDiff(logitsAt(fullLogits, 0, N - 1), logitsAt(decodeLogits, 0, 0))).toBeLessThan(1e-4)

    // causal: earlier positions do not see later tokens
    for (let s = 0; s < N - 1; s++) {
      expect(maxAbsDiff(logitsAt(fullLogits, 0, s), logitsAt(prefix.logits as Tensor, 0, s))).toBeLessThan(1e-4)
    }
    // presents after the decode step equal the full prefill's presents
    for (let i = 0; i < L; i++) {
      for (const kv of ['key', 'value']) {
        const a = decode[`present.${i}.${kv}`] as Tensor
        const b = full[`present.${i}.${kv}`] as Tensor
        expect(a.dims).toEqual([1, H, N, Dh])
        expect(maxAbsDiff(a.data as Float32Array, b.data as Float32Array)).toBeLessThan(1e-4)
      }
    }

    // The check is sensitive: a wrong position id or a dropped cache changes the logits.
    const wrongPos = await step([[ids[N - 1] as number]], [ones(N)], [[0]], presentsToPast(prefix))
    expect(maxAbsDiff(logitsAt(fullLogits, 0, N - 1), logitsAt(wrongPos.logits as Tensor, 0, 0))).toBeGreaterThan(1e-3)
    const noCache = await step([[ids[N - 1] as number]], [ones(1)], [[N - 1]], emptyPast(1))
    expect(maxAbsDiff(logitsAt(fullLogits, 0, N - 1), logitsAt(noCache.logits as Tensor, 0, 0))).toBeGreaterThan(1e-3)
  })

  it('(c) a left-padded batch of 2 gives finite logits, equal to the unpadded runs', async () => {
    const pad = config.eos_token_id
    const a = tokenizer.encode('She checked the numbers one more time.').ids
    const b = tokenizer.encode('Good bread is mostly patience.').ids
    const S = Math.max(a.length, b.length)
    const padLeft = (t: number[]): number[] => [...new Array<number>(S - t.length).fill(pad), ...t]
    const maskOf = (t: number[]): number[] => [...new Array<number>(S - t.length).fill(0), ...ones(t.length)]
    // HF convention: position_ids = cumsum(mask) - 1, with padded slots set to 1
    const positionsOf = (t: number[]): number[] => [...new Array<number>(S - t.length).fill(1), ...range(t.length)]
    expect(a.length).not.toBe(b.length)

    const batch = await step([padLeft(a), padLeft(b)], [maskOf(a), maskOf(b)], [positionsOf(a), positionsOf(b)], emptyPast(2))
    const logits = batch.logits as Tensor
    expect(logits.dims).toEqual([2, S, V])
    expect(allFinite(logits.data as Float32Array)).toBe(true)

    for (const [row, t] of [a, b].entries()) {
      const alone = await step([t], [ones(t.length)], [range(t.length)], emptyPast(1))
      const off = S - t.length
      for (let s = 0; s < t.length; s++) {
        expect(maxAbsDiff(logitsAt(logits, row, off + s), logitsAt(alone.logits as Tensor, 0, s))).toBeLessThan(1e-4)
      }
    }

    // one decode step on top of the padded cache stays finite too
    const next = await step(
      [[pad], [pad]],
      [
        [...maskOf(a), 1],
        [...maskOf(b), 1],
      ],
      [[a.length], [b.length]],
      presentsToPast(batch),
    )
    expect((next.logits as Tensor).dims).toEqual([2, 1, V])
    expect(allFinite((next.logits as Tensor).data as Float32Array)).toBe(true)
  })

  it('(d) the tokenizer round-trips text and matches the model vocabulary', async () => {
    for (const text of [
      'Hello World',
      'The numbers were fine. She smiled , and the day began .',
      "  odd   spacing\n\ttabs & symbols: {x: 1}; it's 42% done!",
      'perfgate profiles ONNX models with onnxruntime-node.',
    ]) {
      const { ids } = tokenizer.encode(text)
      expect(tokenizer.decode(ids)).toBe(text)
    }
    expect(tokenizer.encode('<|endoftext|>').ids).toEqual([config.eos_token_id])
    const vocab = tokenizer.get_vocab(true)
    expect(vocab.size).toBe(V)
    expect(Math.max(...vocab.values())).toBe(V - 1)

    const out = await step([[1, 2, 3]], [ones(3)], [range(3)], emptyPast(1))
    expect((out.logits as Tensor).dims[2]).toBe(vocab.size)
  })
})

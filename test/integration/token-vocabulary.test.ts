/**
 * A tokenizer whose ids go beyond the model's vocabulary is refused before the
 * first run, naming the prompt, the largest id and the vocabulary size, instead
 * of onnxruntime's "index out of range" from inside the embedding lookup.
 * The model here is a tiny decoder with a 300-token vocabulary, next to the
 * tiny-gpt tokenizer (512 tokens).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Tokenizer } from '@huggingface/tokenizers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MODELS_DIR } from '../../bench/models/generate.js'
import { buildDecoder } from '../../bench/models/generator/decoder.js'
import { PerfgateError } from '../../src/errors.js'
import { profile } from '../../src/measure/profile.js'

const SMALL_VOCAB = 300
const PROMPT = 'The quick brown fox jumps over the lazy dog, and the model reads it.'
const TINY_GPT = join(MODELS_DIR, 'tiny-gpt')
let tmp: string

/** A model folder: the small-vocabulary decoder, the tiny-gpt tokenizer, and the given config.json. */
function folder(name: string, config?: object): string {
  const dir = join(tmp, name)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'model.onnx'), buildDecoder({ vocabSize: SMALL_VOCAB, layers: 1, hidden: 32, heads: 2, ffn: 64, maxPositions: 64 }))
  copyFileSync(join(TINY_GPT, 'tokenizer.json'), join(dir, 'tokenizer.json'))
  copyFileSync(join(TINY_GPT, 'tokenizer_config.json'), join(dir, 'tokenizer_config.json'))
  if (config) writeFileSync(join(dir, 'config.json'), JSON.stringify(config))
  return dir
}

async function rejection(p: Promise<unknown>): Promise<PerfgateError> {
  const err: unknown = await p.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(PerfgateError)
  return err as PerfgateError
}

let largestId = 0
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'perfgate-vocab-'))
  const { readFileSync } = await import('node:fs')
  const tokenizer = new Tokenizer(JSON.parse(readFileSync(join(TINY_GPT, 'tokenizer.json'), 'utf8')) as object, {})
  largestId = Math.max(...tokenizer.encode(PROMPT).ids)
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('token ids beyond the model’s vocabulary', () => {
  it('precondition: the prompt has ids beyond the small vocabulary', () => {
    expect(largestId).toBeGreaterThanOrEqual(SMALL_VOCAB)
  })

  it('are refused by the logits’ last dimension, naming prompt, id and vocabulary size', async () => {
    const dir = folder('no-config')
    const err = await rejection(profile.generate(dir, { prompts: ['Hi', PROMPT], maxNewTokens: 2, runs: 1, warmup: 0 }))
    expect(err.code).toBe('TOKEN_ID_OUT_OF_VOCAB')
    expect(err.message).toContain('Prompt 1')
    expect(err.message).toContain(`the id ${largestId}`)
    expect(err.message).toContain(`has ${SMALL_VOCAB} entries`)
    expect(err.message).toContain('logits output')
    expect(err.message).toContain('tokenizer.json')
  })

  it('are refused by config.json’s vocab_size before the model is loaded', async () => {
    const dir = folder('config', { vocab_size: SMALL_VOCAB })
    const err = await rejection(profile.generate(dir, { prompts: [PROMPT], maxNewTokens: 2, runs: 1, warmup: 0 }))
    expect(err.code).toBe('TOKEN_ID_OUT_OF_VOCAB')
    expect(err.message).toContain('vocab_size in config.json')
  })

  it('are refused by a generation load test before any worker starts', async () => {
    const dir = folder('load', { vocab_size: SMALL_VOCAB })
    const err = await rejection(profile.load(dir, { concurrency: [1], durationMs: 100, generate: { prompts: [PROMPT], maxNewTokens: 2 } }))
    expect(err.code).toBe('TOKEN_ID_OUT_OF_VOCAB')
  })

  it('a generation step that fails names the tensors it was fed', async () => {
    // 8 learned positions and no config.json to say so: the prefill of a longer prompt fails inside onnxruntime
    const dir = join(tmp, 'short-positions')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'model.onnx'), buildDecoder({ vocabSize: 512, layers: 1, hidden: 32, heads: 2, ffn: 64, maxPositions: 8 }))
    copyFileSync(join(TINY_GPT, 'tokenizer.json'), join(dir, 'tokenizer.json'))
    const err = await rejection(profile.generate(dir, { prompts: ['a b c d e f g h i j k l m n o p'], maxNewTokens: 2, runs: 1, warmup: 0 }))
    expect(err.code).toBe('RUN_FAILED')
    expect(err.message).toContain('(prefill)')
    expect(err.message).toMatch(/perfgate fed it: input_ids int64\[1, \d+\]/)
  })

  it('ids within the vocabulary generate as before', async () => {
    const dir = folder('fits', { vocab_size: SMALL_VOCAB })
    const r = await profile.generate(dir, { prompts: ['a b'], maxNewTokens: 2, runs: 1, warmup: 0 })
    expect(r.requests.length).toBe(1)
  })
})

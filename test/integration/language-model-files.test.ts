/**
 * What profile.generate reads from a model folder: which .onnx file, the
 * tokenizer, and the hints of config.json, generation_config.json,
 * tokenizer_config.json and onnxruntime-genai's genai_config.json.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MODELS_DIR } from '../../bench/models/generate.js'
import { PerfgateError } from '../../src/errors.js'
import { resolveLanguageModel } from '../../src/measure/generation/language-model-files.js'

const TINY_GPT = join(MODELS_DIR, 'tiny-gpt')
let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'perfgate-lm-files-'))
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** A folder with the tiny-gpt tokenizer, the given .onnx names (empty files) and JSON files. */
function folder(name: string, onnx: string[], json: Record<string, unknown> = {}, tokenizerConfig = true): string {
  const dir = join(tmp, name)
  mkdirSync(dir, { recursive: true })
  copyFileSync(join(TINY_GPT, 'tokenizer.json'), join(dir, 'tokenizer.json'))
  if (tokenizerConfig) copyFileSync(join(TINY_GPT, 'tokenizer_config.json'), join(dir, 'tokenizer_config.json'))
  for (const f of onnx) writeFileSync(join(dir, f), '')
  for (const [f, v] of Object.entries(json)) writeFileSync(join(dir, f), typeof v === 'string' ? v : JSON.stringify(v))
  return dir
}

function code(fn: () => unknown): [string, string] {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(PerfgateError)
    return [(err as PerfgateError).code, (err as PerfgateError).message]
  }
  throw new Error('expected a PerfgateError')
}

describe('resolveLanguageModel', () => {
  it('reads the embedded tiny-gpt: decoder, tokenizer, end of sequence, padding, positions, heads', () => {
    const files = resolveLanguageModel(TINY_GPT)
    expect(files.modelPath).toBe(join(TINY_GPT, 'model.onnx'))
    expect(files.tokenizerPath).toBe(join(TINY_GPT, 'tokenizer.json'))
    expect(files.tokenizer.decode(files.tokenizer.encode('Hello World').ids)).toBe('Hello World')
    expect(files).toMatchObject({
      eosTokenIds: [511],
      padTokenId: 511,
      maxPositions: { value: 256, source: 'max_position_embeddings in config.json' },
      kvHeads: 4,
      headDim: 32,
    })
  })

  it('takes the .onnx file itself, or explicit paths', () => {
    expect(resolveLanguageModel(join(TINY_GPT, 'model.onnx')).tokenizerPath).toBe(join(TINY_GPT, 'tokenizer.json'))
    const explicit = resolveLanguageModel({ model: join(TINY_GPT, 'model.onnx'), tokenizer: join(TINY_GPT, 'tokenizer.json') })
    expect(explicit.eosTokenIds).toEqual([511])
  })

  it('picks model.onnx among several .onnx files, or the file genai_config.json names', () => {
    expect(resolveLanguageModel(folder('several', ['a.onnx', 'model.onnx'])).modelPath).toBe(join(tmp, 'several', 'model.onnx'))
    const genai = {
      model: { decoder: { filename: 'b.onnx', num_key_value_heads: 2, head_size: 64 }, eos_token_id: [7, 9], pad_token_id: 3, context_length: 128 },
    }
    const files = resolveLanguageModel(folder('genai', ['a.onnx', 'b.onnx'], { 'genai_config.json': genai }))
    expect(files).toMatchObject({
      eosTokenIds: [7, 9],
      padTokenId: 3,
      maxPositions: { value: 128, source: 'context_length in genai_config.json' },
      kvHeads: 2,
      headDim: 64,
    })
    expect(files.modelPath).toBe(join(tmp, 'genai', 'b.onnx'))
  })

  it('prefers generation_config.json, then config.json, for the end of sequence; counts KV heads of grouped-query attention', () => {
    const files = resolveLanguageModel(
      folder('configs', ['model.onnx'], {
        'generation_config.json': { eos_token_id: [2, 5] },
        'config.json': { eos_token_id: 9, pad_token_id: 0, num_attention_heads: 8, num_key_value_heads: 2, hidden_size: 512, n_positions: 64 },
      }),
    )
    expect(files).toMatchObject({
      eosTokenIds: [2, 5],
      padTokenId: 0,
      kvHeads: 2,
      headDim: 64,
      maxPositions: { value: 64, source: 'n_positions in config.json' },
    })
  })

  it('falls back to the tokenizer config end-of-sequence token, and to no limit on positions', () => {
    const files = resolveLanguageModel(folder('tokenizer-only', ['model.onnx']))
    expect(files).toMatchObject({ eosTokenIds: [511], padTokenId: 511 })
    expect(files.maxPositions).toBeUndefined()
    const bare = resolveLanguageModel(folder('bare', ['model.onnx'], {}, false))
    expect(bare).toMatchObject({ eosTokenIds: [], padTokenId: 0 })
  })

  it('says what is wrong with a folder', () => {
    expect(code(() => resolveLanguageModel(folder('ambiguous', ['a.onnx', 'b.onnx'])))).toEqual([
      'LANGUAGE_MODEL_NOT_FOUND',
      expect.stringContaining('the folder holds several .onnx files (a.onnx, b.onnx) and none is named model.onnx or decoder_model.onnx'),
    ])
    expect(code(() => resolveLanguageModel(folder('none', [])))).toEqual([
      'LANGUAGE_MODEL_NOT_FOUND',
      expect.stringContaining('the folder holds no .onnx file'),
    ])
    expect(code(() => resolveLanguageModel(folder('bad-config', ['model.onnx'], { 'config.json': '{ nope' })))).toEqual([
      'MODEL_CONFIG_INVALID',
      expect.stringMatching(/^Cannot read .*bad-config\/config\.json: .*Fix the file or remove it \(it is optional\)\.$/),
    ])
    expect(code(() => resolveLanguageModel(folder('bad-tokenizer', ['model.onnx'], { 'tokenizer.json': '[]' })))[0]).toBe('TOKENIZER_INVALID')
    expect(code(() => resolveLanguageModel({ model: join(TINY_GPT, 'model.onnx'), tokenizer: join(tmp, 'no.json') }))[0]).toBe('TOKENIZER_INVALID')
    expect(code(() => resolveLanguageModel(42 as unknown as string))[0]).toBe('OPTION_INVALID')
  })
})

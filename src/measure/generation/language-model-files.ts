/**
 * Finds what `profile.generate` needs in a language model's folder: the .onnx
 * decoder, its tokenizer, and the hints of the optional Hugging Face and
 * onnxruntime-genai configs (end-of-sequence and padding ids, the longest
 * sequence, KV heads and head size when the model's shapes leave them symbolic).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { Tokenizer } from '@huggingface/tokenizers'
import { perfgateError } from '../../errors.js'
import type { LanguageModelSource } from './language-model-source.js'

export interface LanguageModelFiles {
  /** Absolute path of the .onnx decoder. */
  modelPath: string
  /** Absolute path of tokenizer.json. */
  tokenizerPath: string
  tokenizer: Tokenizer
  /** Ids that end a sequence (may be empty: then only maxNewTokens stops generation). */
  eosTokenIds: number[]
  /** Id fed where a batch row is padded (masked out). */
  padTokenId: number
  /** The longest sequence the model takes, and where that number comes from. */
  maxPositions?: { value: number; source: string }
  /** KV heads and head size from the configs, for models whose cache shapes are symbolic. */
  kvHeads?: number
  headDim?: number
  /** The vocabulary size config.json declares, when it does. */
  vocabSize?: { size: number; source: string }
}

/** The .onnx file picked in a folder with several: the usual names of a single decoder. */
const PREFERRED_NAMES = ['model.onnx', 'decoder_model.onnx']

type Json = Record<string, unknown>

function readJson(path: string): Json | undefined {
  if (!existsSync(path)) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    throw perfgateError('MODEL_CONFIG_INVALID', { path, detail: (err as Error).message }, err)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw perfgateError('MODEL_CONFIG_INVALID', { path, detail: 'it is not a JSON object' })
  }
  return parsed as Json
}

const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined)
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined)
const ids = (v: unknown): number[] | undefined => {
  if (int(v) !== undefined) return [v as number]
  if (Array.isArray(v) && v.length > 0 && v.every((x) => int(x) !== undefined)) return v as number[]
  return undefined
}

function findDecoder(folder: string, shown: string, genai: Json | undefined): string {
  const named = obj(obj(obj(genai?.model)?.decoder))?.filename
  if (typeof named === 'string') {
    const p = join(folder, named)
    if (!existsSync(p)) throw perfgateError('LANGUAGE_MODEL_NOT_FOUND', { path: shown, detail: `genai_config.json names ${named}, which is not there` })
    return p
  }
  const onnx = readdirSync(folder)
    .filter((f) => f.endsWith('.onnx'))
    .sort()
  if (onnx.length === 0) throw perfgateError('LANGUAGE_MODEL_NOT_FOUND', { path: shown, detail: 'the folder holds no .onnx file' })
  if (onnx.length === 1) return join(folder, onnx[0]!)
  const preferred = PREFERRED_NAMES.find((n) => onnx.includes(n))
  if (preferred) return join(folder, preferred)
  throw perfgateError('LANGUAGE_MODEL_NOT_FOUND', {
    path: shown,
    detail: `the folder holds several .onnx files (${onnx.join(', ')}) and none is named ${PREFERRED_NAMES.join(' or ')}`,
  })
}

export function loadTokenizer(path: string, configPath: string | undefined): Tokenizer {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    throw perfgateError('TOKENIZER_INVALID', { path, detail: (err as Error).message }, err)
  }
  const config = configPath !== undefined && existsSync(configPath) ? readJson(configPath) : undefined
  try {
    return new Tokenizer(json as object, config ?? {})
  } catch (err) {
    throw perfgateError('TOKENIZER_INVALID', { path, detail: (err as Error).message }, err)
  }
}

/** The files of a language model source: the decoder, the tokenizer and its config, and the folder of the other configs. */
function languageModelPaths(
  source: LanguageModelSource,
  cwd: string,
): { modelPath: string; tokenizerPath: string; tokenizerConfigPath: string | undefined; folder: string } {
  let modelPath: string
  let tokenizerPath: string
  let tokenizerConfigPath: string | undefined
  let folder: string
  if (typeof source === 'string') {
    const abs = resolve(cwd, source)
    if (!existsSync(abs)) throw perfgateError('LANGUAGE_MODEL_NOT_FOUND', { path: source, detail: 'the path does not exist' })
    // a path to the .onnx file itself: its folder holds the rest
    folder = statSync(abs).isDirectory() ? abs : dirname(abs)
    const genai = readJson(join(folder, 'genai_config.json'))
    modelPath = folder === abs ? findDecoder(folder, source, genai) : abs
    tokenizerPath = join(folder, 'tokenizer.json')
    if (!existsSync(tokenizerPath)) throw perfgateError('TOKENIZER_MISSING', { folder: folder === abs ? source : dirname(source) || '.' })
    tokenizerConfigPath = join(folder, 'tokenizer_config.json')
  } else if (typeof source === 'object' && source !== null && typeof source.model === 'string' && typeof source.tokenizer === 'string') {
    modelPath = resolve(cwd, source.model)
    if (!existsSync(modelPath) || !statSync(modelPath).isFile()) {
      throw perfgateError('LANGUAGE_MODEL_NOT_FOUND', { path: source.model, detail: 'the file does not exist' })
    }
    tokenizerPath = resolve(cwd, source.tokenizer)
    if (!existsSync(tokenizerPath)) throw perfgateError('TOKENIZER_INVALID', { path: source.tokenizer, detail: 'the file does not exist' })
    folder = dirname(modelPath)
    tokenizerConfigPath = source.tokenizerConfig !== undefined ? resolve(cwd, source.tokenizerConfig) : join(dirname(tokenizerPath), 'tokenizer_config.json')
  } else {
    throw perfgateError('OPTION_INVALID', {
      option: 'profile.generate(model)',
      value: source,
      expected: "a model folder, or { model: 'model.onnx', tokenizer: 'tokenizer.json' }",
    })
  }
  return { modelPath, tokenizerPath, tokenizerConfigPath, folder }
}

/** The longest sequence the model takes, from the first config that gives one. */
function maxPositionsFrom(config: Json | undefined, genaiModel: Json | undefined): LanguageModelFiles['maxPositions'] {
  for (const [value, source] of [
    [config?.max_position_embeddings, 'max_position_embeddings in config.json'],
    [config?.n_positions, 'n_positions in config.json'],
    [genaiModel?.context_length, 'context_length in genai_config.json'],
  ] as const) {
    const v = int(value)
    if (v !== undefined && v > 0) return { value: v, source }
  }
  return undefined
}

/** Resolves a model folder (or explicit paths) to its decoder, tokenizer and config hints. */
export function resolveLanguageModel(source: LanguageModelSource, cwd: string = process.cwd()): LanguageModelFiles {
  const { modelPath, tokenizerPath, tokenizerConfigPath, folder } = languageModelPaths(source, cwd)
  const tokenizer = loadTokenizer(tokenizerPath, tokenizerConfigPath)
  const config = readJson(join(folder, 'config.json'))
  const generation = readJson(join(folder, 'generation_config.json'))
  const genaiModel = obj(readJson(join(folder, 'genai_config.json'))?.model)
  const tokenizerConfig = tokenizerConfigPath !== undefined ? readJson(tokenizerConfigPath) : undefined

  const eosToken = tokenizerConfig?.eos_token
  const eosContent = typeof eosToken === 'string' ? eosToken : obj(eosToken)?.content
  const eosFromTokenizer = typeof eosContent === 'string' ? tokenizer.token_to_id(eosContent) : undefined
  const eosTokenIds =
    ids(generation?.eos_token_id) ?? ids(config?.eos_token_id) ?? ids(genaiModel?.eos_token_id) ?? (eosFromTokenizer !== undefined ? [eosFromTokenizer] : [])
  const padTokenId = int(generation?.pad_token_id) ?? int(config?.pad_token_id) ?? int(genaiModel?.pad_token_id) ?? eosTokenIds[0] ?? 0

  const maxPositions = maxPositionsFrom(config, genaiModel)

  const decoder = obj(genaiModel?.decoder)
  const heads = int(config?.num_attention_heads) ?? int(config?.n_head) ?? int(decoder?.num_attention_heads)
  const kvHeads = int(config?.num_key_value_heads) ?? int(decoder?.num_key_value_heads) ?? heads
  const hidden = int(config?.hidden_size) ?? int(config?.n_embd) ?? int(decoder?.hidden_size)
  const headDim = int(config?.head_dim) ?? int(decoder?.head_size) ?? (heads && hidden ? hidden / heads : undefined)

  const vocab = int(config?.vocab_size)
  const vocabSize = vocab !== undefined && vocab > 0 ? { size: vocab, source: 'vocab_size in config.json' } : undefined

  return { modelPath, tokenizerPath, tokenizer, eosTokenIds, padTokenId, maxPositions, kvHeads, headDim, ...(vocabSize ? { vocabSize } : {}) }
}

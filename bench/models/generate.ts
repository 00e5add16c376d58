/**
 * Generates perfgate's own benchmark models, deterministically.
 *
 *   npx tsx bench/models/generate.ts             # (re)write the committed files
 *   npx tsx bench/models/generate.ts --check     # exit 1 if any committed file differs
 *   npx tsx bench/models/generate.ts --variants  # also write the heavier variants
 *
 * Nothing comes from a model hub: weights are seeded pseudo-random numbers and
 * the tokenizer is trained here on an embedded corpus, so running this twice
 * gives byte-identical files.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { buildClassifier, CLASSIFIER_DEFAULTS, type ClassifierOptions } from './generator/classifier.js'
import { buildDecoder, DECODER_DEFAULTS, LAYER_NORM_EPSILON, resolveDecoderOptions, type DecoderOptions } from './generator/decoder.js'
import { buildTokenizer, buildTokenizerConfig, type BuiltTokenizer } from './generator/tokenizer.js'

export { buildClassifier, buildDecoder, buildTokenizer, buildTokenizerConfig }

/** Absolute path of bench/models. */
export const MODELS_DIR: string = dirname(fileURLToPath(import.meta.url))

export type GeneratedFiles = Map<string, Uint8Array | string>

/** JSON as written to disk: 2-space indent, trailing newline. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

let cachedTokenizer: BuiltTokenizer | undefined
/** The tiny-gpt tokenizer (trained once per process; training is deterministic). */
export function tinyGptTokenizer(): BuiltTokenizer {
  cachedTokenizer ??= buildTokenizer()
  return cachedTokenizer
}

/** The tiny-gpt family (model + tokenizer + HF configs) for the given decoder options. */
export function tinyGptFiles(dir: string, opts: Omit<DecoderOptions, 'vocabSize'> = {}): GeneratedFiles {
  const tok = tinyGptTokenizer()
  const o = resolveDecoderOptions({ ...opts, vocabSize: tok.vocabSize })
  const config = {
    model_type: 'gpt2',
    architectures: ['GPT2LMHeadModel'],
    // Generic Hugging Face names ...
    num_hidden_layers: o.layers,
    num_attention_heads: o.heads,
    hidden_size: o.hidden,
    intermediate_size: o.ffn,
    vocab_size: o.vocabSize,
    max_position_embeddings: o.maxPositions,
    // ... and the GPT-2 spellings, which GPT-2 loaders read.
    n_layer: o.layers,
    n_head: o.heads,
    n_embd: o.hidden,
    n_inner: o.ffn,
    n_positions: o.maxPositions,
    head_dim: o.headDim,
    activation_function: 'gelu_new',
    layer_norm_epsilon: LAYER_NORM_EPSILON,
    tie_word_embeddings: true,
    use_cache: true,
    bos_token_id: tok.eosTokenId,
    eos_token_id: tok.eosTokenId,
    pad_token_id: tok.eosTokenId,
    perfgate: { generator: 'perfgate bench/models/generate.ts', seed: o.seed },
  }
  const generationConfig = {
    bos_token_id: tok.eosTokenId,
    eos_token_id: tok.eosTokenId,
    pad_token_id: tok.eosTokenId,
    do_sample: false,
    max_length: o.maxPositions,
    use_cache: true,
  }
  return new Map<string, Uint8Array | string>([
    [`${dir}/model.onnx`, buildDecoder(o)],
    [`${dir}/tokenizer.json`, stableJson(tok.tokenizerJson)],
    [`${dir}/tokenizer_config.json`, stableJson(buildTokenizerConfig(tok, o.maxPositions))],
    [`${dir}/config.json`, stableJson(config)],
    [`${dir}/generation_config.json`, stableJson(generationConfig)],
  ])
}

/**
 * Every committed file under bench/models, keyed by path relative to
 * bench/models (forward slashes). Nothing is written.
 */
export function generateAll(): GeneratedFiles {
  const files: GeneratedFiles = new Map()
  files.set('classifier.onnx', buildClassifier())
  for (const [k, v] of tinyGptFiles('tiny-gpt')) files.set(k, v)
  return files
}

/** Options of the heavier, not-committed variants. */
export const VARIANT_OPTIONS = {
  /** A "heavier classifier": 64/128 channels instead of 16/32. */
  heavyClassifier: { ...CLASSIFIER_DEFAULTS, channels: 64 } satisfies ClassifierOptions,
  /** A "slower decoder": 6 layers instead of 2. */
  slowDecoder: { ...DECODER_DEFAULTS, layers: 6 } satisfies Omit<DecoderOptions, 'vocabSize'>,
  /** The default decoder in the older GPT-2 export style: stacked past_{i}/present_{i}, int32 ids. */
  legacyDecoder: { ...DECODER_DEFAULTS, layout: 'legacy', idsType: 'int32' } satisfies Omit<DecoderOptions, 'vocabSize'>,
  /** The default decoder with int8 linear layers (dynamic quantization: MatMulInteger). */
  int8Decoder: { ...DECODER_DEFAULTS, weights: 'int8' } satisfies Omit<DecoderOptions, 'vocabSize'>,
} as const

/** The "heavier classifier" variant (channels 64). */
export function buildHeavyClassifier(): Uint8Array {
  return buildClassifier(VARIANT_OPTIONS.heavyClassifier)
}

/** The "slower decoder" variant (6 layers), sharing the tiny-gpt tokenizer. */
export function buildSlowDecoder(): Uint8Array {
  return buildDecoder({ ...VARIANT_OPTIONS.slowDecoder, vocabSize: tinyGptTokenizer().vocabSize })
}

/** The default decoder in the legacy GPT-2 layout (stacked past_{i}/present_{i}, int32 ids). */
export function buildLegacyDecoder(): Uint8Array {
  return buildDecoder({ ...VARIANT_OPTIONS.legacyDecoder, vocabSize: tinyGptTokenizer().vocabSize })
}

/** The default decoder's int8 variant: same weights, linear layers quantized to int8 (MatMulInteger), same inputs and outputs. */
export function buildInt8Decoder(): Uint8Array {
  return buildDecoder({ ...VARIANT_OPTIONS.int8Decoder, vocabSize: tinyGptTokenizer().vocabSize })
}

/** Variant files (only written with --variants), relative to bench/models. */
export function generateVariants(): GeneratedFiles {
  const files: GeneratedFiles = new Map()
  files.set('variants/classifier-heavy.onnx', buildHeavyClassifier())
  for (const [k, v] of tinyGptFiles('variants/tiny-gpt-6l', VARIANT_OPTIONS.slowDecoder)) files.set(k, v)
  for (const [k, v] of tinyGptFiles('variants/tiny-gpt-legacy', VARIANT_OPTIONS.legacyDecoder)) files.set(k, v)
  for (const [k, v] of tinyGptFiles('variants/tiny-gpt-int8', VARIANT_OPTIONS.int8Decoder)) files.set(k, v)
  return files
}

export function toBytes(content: Uint8Array | string): Uint8Array {
  return typeof content === 'string' ? new TextEncoder().encode(content) : content
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Writes files under `root`; returns the relative paths whose content changed. */
export function writeFiles(files: GeneratedFiles, root: string = MODELS_DIR): string[] {
  const changed: string[] = []
  for (const [rel, content] of files) {
    const path = join(root, rel)
    const bytes = toBytes(content)
    if (existsSync(path) && sameBytes(readFileSync(path), bytes)) continue
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, bytes)
    changed.push(rel)
  }
  return changed
}

/** Relative paths whose committed bytes differ from (or are missing for) the generated ones. */
export function checkFiles(files: GeneratedFiles, root: string = MODELS_DIR): string[] {
  const stale: string[] = []
  for (const [rel, content] of files) {
    const path = join(root, rel)
    if (!existsSync(path) || !sameBytes(readFileSync(path), toBytes(content))) stale.push(rel)
  }
  return stale
}

function main(argv: string[]): number {
  const files = generateAll()
  if (argv.includes('--variants')) for (const [k, v] of generateVariants()) files.set(k, v)
  if (argv.includes('--check')) {
    const stale = checkFiles(files)
    for (const rel of stale) console.error(`stale: bench/models/${rel}`)
    if (stale.length > 0) {
      console.error('run `npx tsx bench/models/generate.ts` to regenerate')
      return 1
    }
    console.log(`ok: ${files.size} files up to date`)
    return 0
  }
  const changed = new Set(writeFiles(files))
  for (const [rel, content] of files) {
    const status = changed.has(rel) ? 'wrote' : 'unchanged'
    console.log(`${status.padEnd(9)} bench/models/${rel} (${toBytes(content).length} bytes)`)
  }
  return 0
}

const invokedPath = process.argv[1]
if (invokedPath !== undefined && resolve(invokedPath) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2))
}

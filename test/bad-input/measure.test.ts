/**
 * Bad inputs of measuring: dims, feeds, model files, options, prompts, token
 * ids, load concurrency and the machine lock. API rows run against dist/
 * (`npm run build` first), CLI rows through the CLI in-process.
 */
import { mkdirSync, mkdtempSync, copyFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Tensor } from 'onnxruntime-node'
import { afterAll, describe } from 'vitest'

import { buildDecoder } from '../../bench/models/generator/decoder.js'
import { encodePerfgateModel, GraphBuilder, valueInfo, type DataTypeValue } from '../../bench/models/generator/onnx-schema.js'
import { profile } from '../../dist/index.js'
import { apiRows, cliRows } from './catalogue.js'

const CLASSIFIER = resolve('bench/models/classifier.onnx')
const DECODER = resolve('bench/models/tiny-gpt/model.onnx')
const TINY_GPT = resolve('bench/models/tiny-gpt')
const QUICK = { runs: 2, minTime: 0, warmup: 0 }
const tmp = mkdtempSync(join(tmpdir(), 'perfgate-bad-measure-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const EMPTY_MODEL = join(tmp, 'empty.onnx')
writeFileSync(EMPTY_MODEL, '')
const PROMPTS_DIR = join(tmp, 'prompts')
mkdirSync(PROMPTS_DIR)
const LOCK_DIR = join(tmp, 'lock-is-a-folder')
mkdirSync(LOCK_DIR)

/** A model with one string input `x`, passed through. */
const STRING_MODEL = join(tmp, 'string.onnx')
{
  const g = new GraphBuilder()
  g.reserve('x', 'y')
  g.opExact('Identity', ['x'], 'y')
  const t = 8 as DataTypeValue
  writeFileSync(
    STRING_MODEL,
    encodePerfgateModel('string', { name: 's', node: g.nodes, initializer: [], input: [valueInfo('x', t, ['n'])], output: [valueInfo('y', t, ['n'])] }, {}),
  )
}

/** A float model whose one dim has a name that is no JavaScript identifier, as paddle2onnx exports write them. */
const DOTTED_DIM_MODEL = join(tmp, 'dotted-dim.onnx')
{
  const g = new GraphBuilder()
  g.reserve('x', 'y')
  g.opExact('Identity', ['x'], 'y')
  const t = 1 as DataTypeValue
  writeFileSync(
    DOTTED_DIM_MODEL,
    encodePerfgateModel(
      'dotted',
      {
        name: 'd',
        node: g.nodes,
        initializer: [],
        input: [valueInfo('x', t, ['p2o.DynamicDimension.0'])],
        output: [valueInfo('y', t, ['p2o.DynamicDimension.0'])],
      },
      {},
    ),
  )
}

/** A decoder with a 300-token vocabulary next to the tiny-gpt tokenizer (512 tokens). */
const SMALL_VOCAB_DIR = join(tmp, 'small-vocab')
mkdirSync(SMALL_VOCAB_DIR)
writeFileSync(join(SMALL_VOCAB_DIR, 'model.onnx'), buildDecoder({ vocabSize: 300, layers: 1, hidden: 32, heads: 2, ffn: 64, maxPositions: 64 }))
copyFileSync(join(TINY_GPT, 'tokenizer.json'), join(SMALL_VOCAB_DIR, 'tokenizer.json'))

/** A language model folder whose decoder file is empty. */
const EMPTY_DECODER_DIR = join(tmp, 'empty-decoder')
mkdirSync(EMPTY_DECODER_DIR)
writeFileSync(join(EMPTY_DECODER_DIR, 'model.onnx'), '')
copyFileSync(join(TINY_GPT, 'tokenizer.json'), join(EMPTY_DECODER_DIR, 'tokenizer.json'))

/** Runs `fn` with the lock file at `path`. */
async function withLockFile(path: string, fn: () => Promise<unknown>): Promise<unknown> {
  const saved = process.env.PERFGATE_LOCK_FILE
  process.env.PERFGATE_LOCK_FILE = path
  try {
    return await fn()
  } finally {
    if (saved === undefined) delete process.env.PERFGATE_LOCK_FILE
    else process.env.PERFGATE_LOCK_FILE = saved
  }
}

const image = () => new Tensor('float32', new Float32Array(3 * 8 * 8), [1, 3, 8, 8])

describe('measure: API', () => {
  apiRows([
    {
      name: 'a misspelt dim',
      run: () => profile(CLASSIFIER, { ...QUICK, dims: { heigth: 640, width: 8 } }),
      code: 'DIM_UNKNOWN',
      words: ["'heigth'", "Did you mean 'height'?", 'batch, height, width'],
    },
    {
      name: 'batch_size on a model whose dim is batch',
      run: () => profile(CLASSIFIER, { ...QUICK, dims: { batch_size: 2, height: 8, width: 8 } }),
      code: 'DIM_UNKNOWN',
      words: ["'batch_size'", "Did you mean 'batch'?"],
    },
    {
      name: 'a dim of 0',
      run: () => profile(CLASSIFIER, { ...QUICK, dims: { height: 0, width: 8 } }),
      code: 'OPTION_INVALID',
      words: ['dims.height', 'got 0', '>= 1'],
    },
    {
      name: 'a dim of NaN',
      run: () => profile(CLASSIFIER, { ...QUICK, dims: { height: Number.NaN, width: 8 } }),
      code: 'OPTION_INVALID',
      words: ['dims.height', 'NaN'],
    },
    {
      name: 'a dim of Infinity',
      run: () => profile(CLASSIFIER, { ...QUICK, dims: { height: Number.POSITIVE_INFINITY, width: 8 } }),
      code: 'OPTION_INVALID',
      words: ['dims.height', 'Infinity'],
    },
    {
      name: 'dims whose inputs exceed the memory',
      run: () => profile(CLASSIFIER, { ...QUICK, dims: { height: 100_000, width: 100_000 } }),
      code: 'INPUTS_TOO_LARGE',
      words: ["'pixel_values'", '1.20e11 bytes', 'smaller `dims`'],
    },
    {
      name: 'a feed the model lacks',
      run: () => profile(CLASSIFIER, { ...QUICK, feeds: { pixel_values: image(), extra: image() } }),
      code: 'FEED_UNKNOWN',
      words: ["'extra'", "The model's inputs: pixel_values"],
    },
    {
      name: 'a feed that is not a tensor',
      run: () => profile(CLASSIFIER, { ...QUICK, feeds: { pixel_values: [1, 2, 3] as never } }),
      code: 'FEED_NOT_TENSOR',
      words: ['feeds.pixel_values', 'an array', 'Tensor'],
    },
    {
      name: 'a folder given as the model',
      run: () => profile(PROMPTS_DIR, QUICK),
      code: 'MODEL_IS_FOLDER',
      words: [PROMPTS_DIR, 'is a folder', 'profile.generate'],
    },
    {
      name: 'a folder given to profile.load',
      run: () => profile.load(PROMPTS_DIR, { concurrency: [1] }),
      code: 'MODEL_IS_FOLDER',
      words: [PROMPTS_DIR, 'is a folder'],
    },
    {
      name: 'a folder given to profile.compare',
      run: () => profile.compare({ a: CLASSIFIER, b: PROMPTS_DIR }),
      code: 'MODEL_IS_FOLDER',
      words: [PROMPTS_DIR, 'is a folder'],
    },
    {
      name: 'a dim named like no identifier, unset',
      run: () => profile(DOTTED_DIM_MODEL, QUICK),
      code: 'DIM_UNRESOLVED',
      words: ["dims: { 'p2o.DynamicDimension.0': 1 }", '--dims p2o.DynamicDimension.0=1'],
    },
    {
      name: 'a negative dim',
      run: () => profile(CLASSIFIER, { ...QUICK, dims: { height: -32, width: 8 } }),
      code: 'OPTION_INVALID',
      words: ['dims.height', 'got -32', 'a whole number >= 1'],
    },
    { name: 'a 0-byte model file', run: () => profile(EMPTY_MODEL, QUICK), code: 'MODEL_NOT_ONNX', words: [EMPTY_MODEL, 'not an ONNX model', '0 bytes'] },
    {
      name: 'an input of type string',
      run: () => profile(STRING_MODEL, { ...QUICK, dims: { n: 2 } }),
      code: 'INPUT_UNSUPPORTED',
      words: ["'x'", 'string', '`feeds`'],
    },
    { name: 'options that are null', run: () => profile(CLASSIFIER, null as never), code: 'OPTION_INVALID', words: ['profile(target, options)', 'an object'] },
    {
      name: 'a function profile with null options',
      run: () => profile(async () => undefined, null as never),
      code: 'OPTION_INVALID',
      words: ['profile(target, options)', 'got null'],
    },
    {
      name: 'a run that fails on the shapes fed',
      run: () => profile(DECODER, { ...QUICK, dims: { sequence_length: 1, past_sequence_length: 15, total_sequence_length: 5 } }),
      code: 'MODEL_RUN_FAILED',
      words: ['attention_mask int64[1, 5]', '"total_sequence_length":5', 'onnxruntime said'],
    },
    {
      name: 'a prompts path that is a directory',
      run: () => profile.generate(TINY_GPT, { prompts: PROMPTS_DIR }),
      code: 'PROMPTS_UNREADABLE',
      words: [PROMPTS_DIR, 'is a directory'],
    },
    {
      name: 'token ids beyond the vocabulary',
      run: () => profile.generate(SMALL_VOCAB_DIR, { prompts: ['The quick brown fox jumps over the lazy dog.'], maxNewTokens: 2, runs: 1, warmup: 0 }),
      code: 'TOKEN_ID_OUT_OF_VOCAB',
      words: ['Prompt 0', 'has 300 entries', 'tokenizer.json'],
    },
    {
      name: 'profile.generate with an empty decoder file',
      run: () => profile.generate(EMPTY_DECODER_DIR, { prompts: ['Hello'] }),
      code: 'MODEL_NOT_ONNX',
      words: ['model.onnx', 'empty (0 bytes)'],
    },
    {
      name: 'profile.load of an empty model file',
      run: () => profile.load(EMPTY_MODEL, { concurrency: [1] }),
      code: 'MODEL_NOT_ONNX',
      words: [EMPTY_MODEL, 'not an ONNX model'],
    },
    {
      name: 'load concurrency beyond the memory',
      run: () => profile.load(CLASSIFIER, { concurrency: [1000] }),
      code: 'LOAD_CONCURRENCY_TOO_HIGH',
      words: ['concurrency[0]', '1000 worker threads', 'Use at most'],
    },
    {
      name: 'a lock path that is a directory',
      run: () => withLockFile(LOCK_DIR, () => profile(async () => undefined, QUICK)),
      code: 'LOCK_PATH_IS_DIRECTORY',
      words: [LOCK_DIR, 'PERFGATE_LOCK_FILE'],
    },
    {
      name: 'a lock path whose folder is missing',
      run: () => withLockFile(join(tmp, 'nonexistent', 'dir', 'x'), () => profile(async () => undefined, QUICK)),
      code: 'LOCK_FOLDER_MISSING',
      words: [join(tmp, 'nonexistent', 'dir'), 'never creates folders'],
    },
  ])
})

describe('measure: CLI', () => {
  cliRows([
    {
      name: '--dims with an unknown name',
      argv: ['profile', 'bench/models/classifier.onnx', '--dims', 'typo=7,height=8,width=8', '--runs', '2', '--min-time', '0'],
      exit: 1,
      words: ["'typo'", 'batch, height, width'],
    },
    { name: '--dims height=0', argv: ['profile', 'bench/models/classifier.onnx', '--dims', 'height=0,width=8'], exit: 1, words: ['dims.height', 'got 0'] },
    { name: 'a 0-byte model file', argv: ['profile', EMPTY_MODEL], exit: 1, words: [EMPTY_MODEL, 'not an ONNX model'] },
    { name: '--concurrency 1000 (beyond the memory)', argv: ['load', '--concurrency', '1000'], exit: 1, words: ['1000 worker threads', 'Use at most'] },
  ])
})

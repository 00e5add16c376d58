/**
 * profile(model) checks the model's inputs before measuring anything: `dims`
 * against the model's symbolic dimensions and the machine's memory, `feeds`
 * against the model's inputs, the file against the ONNX format, and a failing
 * run says what it was fed. Real onnxruntime-node on the project's own models
 * and on tiny ones built here.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Tensor } from 'onnxruntime-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { encodePerfgateModel, GraphBuilder, valueInfo, type DataTypeValue } from '../../bench/models/generator/onnx-schema.js'
import { PerfgateError, type ErrorCode } from '../../src/errors.js'
import { profile } from '../../src/measure/profile.js'
import { expectLockNotHeldByUs } from './lock-expectations.js'

const CLASSIFIER = 'bench/models/classifier.onnx'
const DECODER = 'bench/models/tiny-gpt/model.onnx'
const QUICK = { runs: 3, minTime: 0, warmup: 0 } as const

async function rejection(p: Promise<unknown>, code: ErrorCode): Promise<PerfgateError> {
  const err: unknown = await p.then(
    () => new Error('expected a rejection, but the profile completed'),
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(PerfgateError)
  expect((err as PerfgateError).code).toBe(code)
  return err as PerfgateError
}

/** A model with one input `x` of ONNX element type `elemType`: passed through by Identity, or its Shape (int64). */
function oneInputModel(elemType: number, op: 'Identity' | 'Shape'): Uint8Array {
  const g = new GraphBuilder()
  g.reserve('x', 'y')
  g.opExact(op, ['x'], 'y')
  const type = elemType as DataTypeValue
  const out = (op === 'Shape' ? 7 : elemType) as DataTypeValue
  return encodePerfgateModel(
    'one input',
    { name: 'one_input', node: g.nodes, initializer: [], input: [valueInfo('x', type, ['n'])], output: [valueInfo('y', out, [op === 'Shape' ? 1 : 'n'])] },
    {},
  )
}

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'perfgate-inputs-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('dims are checked against the model', () => {
  it('a misspelt dimension is DIM_UNKNOWN, listing the model’s dims with a suggestion', async () => {
    const err = await rejection(profile(CLASSIFIER, { ...QUICK, dims: { heigth: 640, width: 8 } }), 'DIM_UNKNOWN')
    expect(err.message).toContain("'heigth'")
    expect(err.message).toContain("Did you mean 'height'?")
    expect(err.message).toContain('batch, height, width')
    expectLockNotHeldByUs()
  })

  it('batch_size on a model whose dimension is batch is DIM_UNKNOWN suggesting batch, not a silent batch of 1', async () => {
    const err = await rejection(profile(CLASSIFIER, { ...QUICK, dims: { batch_size: 4, height: 8, width: 8 } }), 'DIM_UNKNOWN')
    expect(err.message).toContain("'batch_size'")
    expect(err.message).toContain("Did you mean 'batch'?")
  })

  it('a dimension of 0 (other than a KV-cache length) is refused by the options spec, naming it', async () => {
    const err = await rejection(profile(CLASSIFIER, { ...QUICK, dims: { height: 0, width: 8 } }), 'OPTION_INVALID')
    expect(err.message).toContain('dims.height')
    expect(err.message).toContain('got 0')
  })

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-3', -3],
    ['2.5', 2.5],
  ])('a dimension of %s is refused before the model is loaded, naming it', async (shown, value) => {
    const err: unknown = await profile(CLASSIFIER, { ...QUICK, dims: { height: value, width: 8 } }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PerfgateError)
    expect(['OPTION_INVALID', 'DIM_INVALID']).toContain((err as PerfgateError).code)
    expect((err as PerfgateError).message).toContain('dims.height')
    expect((err as PerfgateError).message).toContain(shown)
  })

  it('dims whose inputs would not fit in memory are INPUTS_TOO_LARGE, naming the input and its bytes, before allocating', async () => {
    const err = await rejection(profile(CLASSIFIER, { ...QUICK, dims: { height: 100_000, width: 100_000 } }), 'INPUTS_TOO_LARGE')
    expect(err.message).toContain("'pixel_values' float32[1, 3, 100000, 100000]")
    expect(err.message).toContain('1.20e11 bytes') // 3 x 1e10 x 4 bytes
    expect(err.message).toContain('smaller `dims`')
    expectLockNotHeldByUs()
  })
})

describe('feeds are checked against the model', () => {
  const image = () => new Tensor('float32', new Float32Array(3 * 8 * 8), [1, 3, 8, 8])

  it('a feed the model has no input for is FEED_UNKNOWN, listing the model’s inputs', async () => {
    const err = await rejection(profile(CLASSIFIER, { ...QUICK, feeds: { pixel_values: image(), extra: image() } }), 'FEED_UNKNOWN')
    expect(err.message).toContain("'extra'")
    expect(err.message).toContain("The model's inputs: pixel_values")
  })

  it('a feed that is not a tensor is FEED_NOT_TENSOR naming it', async () => {
    const feeds = { pixel_values: new Float32Array(3 * 8 * 8) } as unknown as Record<string, Tensor>
    const err = await rejection(profile(CLASSIFIER, { ...QUICK, feeds }), 'FEED_NOT_TENSOR')
    expect(err.message).toContain('feeds.pixel_values is a Float32Array')
  })
})

describe('the model file and its input types', () => {
  it('a 0-byte file is MODEL_NOT_ONNX naming it', async () => {
    const file = join(dir, 'empty.onnx')
    writeFileSync(file, '')
    const err = await rejection(profile(file, QUICK), 'MODEL_NOT_ONNX')
    expect(err.message).toContain(file)
    expect(err.message).toContain('empty (0 bytes)')
  })

  it('a JSON file named .onnx is MODEL_NOT_ONNX', async () => {
    const file = join(dir, 'model.onnx')
    writeFileSync(file, '{"not": "a model"}')
    const err = await rejection(profile(file, QUICK), 'MODEL_NOT_ONNX')
    expect(err.message).toContain('is not an ONNX model')
  })

  it('an input of type string is INPUT_UNSUPPORTED naming it and `feeds`', async () => {
    const file = join(dir, 'string.onnx')
    writeFileSync(file, oneInputModel(8, 'Identity'))
    const err = await rejection(profile(file, { ...QUICK, dims: { n: 2 } }), 'INPUT_UNSUPPORTED')
    expect(err.message).toContain("Input 'x' has type string")
    expect(err.message).toContain('`feeds`')
  })

  it('a bfloat16 input, which onnxruntime-node cannot load, is MODEL_LOAD_FAILED saying so', async () => {
    const file = join(dir, 'bfloat16.onnx')
    writeFileSync(file, oneInputModel(16, 'Shape'))
    const err = await rejection(profile(file, { ...QUICK, dims: { n: 2 } }), 'MODEL_LOAD_FAILED')
    expect(err.message).toContain(file)
    expect(err.message).toContain('has type bfloat16, which onnxruntime-node cannot exchange')
  })

  it('options that are not an object are OPTION_INVALID, for a model and for a function', async () => {
    const err = await rejection(profile(CLASSIFIER, null as never), 'OPTION_INVALID')
    expect(err.message).toContain('profile(target, options)')
    expect(err.message).toContain('an object')
    await rejection(
      profile(async () => undefined, null as never),
      'OPTION_INVALID',
    )
    await rejection(profile(CLASSIFIER, 'fast' as never), 'OPTION_INVALID')
  })
})

describe('a failing run says what it was fed', () => {
  it('names every input’s dtype and shape and the dims they came from', async () => {
    const dims = { sequence_length: 1, past_sequence_length: 15, total_sequence_length: 5 }
    const err = await rejection(profile(DECODER, { ...QUICK, dims }), 'MODEL_RUN_FAILED')
    expect(err.message).toContain('attention_mask int64[1, 5]')
    expect(err.message).toContain('past_key_values.0.key float32[1, 4, 15, 32]')
    expect(err.message).toContain('"total_sequence_length":5')
    expect(err.message).toContain('onnxruntime said:')
    expect(err.cause).toBeInstanceOf(Error)
    expectLockNotHeldByUs()
  })

  it('onnxruntime’s own error log line is not printed before perfgate’s message', () => {
    // a child process, because onnxruntime writes its log to the process's stderr directly
    const script = `import('${resolve('dist/index.js')}').then(({ profile }) => profile('${resolve(DECODER)}', { runs: 1, minTime: 0, warmup: 0, dims: { past_sequence_length: 15, total_sequence_length: 5, sequence_length: 1 } })).catch((e) => console.error('PERFGATE ' + e.code))`
    const lockDir = join(dir, 'lock')
    mkdirSync(lockDir, { recursive: true })
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, PERFGATE_LOCK_FILE: join(lockDir, 'm.lock') } })
    expect(r.stderr.trim().split('\n')[0]).toBe('PERFGATE MODEL_RUN_FAILED')
    expect(r.stderr).not.toContain('onnxruntime:')
  })
})

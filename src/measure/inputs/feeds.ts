/**
 * Input tensors generated from a session's input metadata: symbolic
 * dimensions resolved from the `dims` option, the declared dtype, and seeded
 * data so that every run of a profile feeds the same values.
 */
import ort from 'onnxruntime-node'
import { perfgateError } from '../../errors.js'
import { mulberry32 } from '../../stats/index.js'
import { axisKey } from '../../options/dims-keys.js'
import { checkDimNames } from './dims-check.js'
import { BATCH_DIM_NAMES, type DeclaredInput, dimsFlag, dimsLiteral, freeDims } from './dims-hints.js'
import { checkInputMemory, DTYPE_BYTES, inputMemoryLimit } from './input-memory.js'

type Metadata = ort.InferenceSession.ValueMetadata

export { BATCH_DIM_NAMES }

export interface FeedOptions {
  dims: Readonly<Record<string, number>>
  seed: number
  /** Generated integer inputs take values in [0, intMax); inputs named like a mask are all ones. */
  intMax: number
  /** How the model is named in errors. @default 'the model' */
  model?: string
  /** Most bytes the generated inputs may take. @default inputMemoryLimit() */
  memoryLimitBytes?: number
}

export interface GeneratedFeeds {
  feeds: Record<string, ort.Tensor>
  shapes: Record<string, { type: string; dims: number[] }>
  /** Resolved size of the first input's first dimension when it is symbolic, else 1. */
  batchSize: number
}

/** The size of every axis of `input`, or undefined for an axis `dims` leaves free (named: by name; unnamed: `'input:axis'`). */
function shapeFrom(input: string, shape: ReadonlyArray<number | string>, dims: Readonly<Record<string, number>>): (number | undefined)[] {
  return shape.map((d, axis) => {
    if (typeof d === 'number' && d >= 0) return d
    const key = typeof d === 'string' && d !== '' ? d : axisKey(input, axis)
    return dims[key] ?? (BATCH_DIM_NAMES.includes(key) ? 1 : undefined)
  })
}

/** The inputs' shapes from `dims`; one DIM_UNRESOLVED that lists every dimension left without a value. */
export function resolveShapes(inputs: readonly DeclaredInput[], dims: Readonly<Record<string, number>>, model: string): number[][] {
  const shapes = inputs.map((m) => shapeFrom(m.name, m.shape, dims))
  const missing = freeDims(inputs).filter((d) => shapes[inputs.findIndex((m) => m.name === d.input)]![d.axis] === undefined)
  if (missing.length > 0) {
    throw perfgateError('DIM_UNRESOLVED', {
      model,
      missing,
      literal: dimsLiteral(missing),
      flag: dimsFlag(missing),
      placeholders: missing.filter((d) => !d.known).map((d) => d.key),
    })
  }
  return shapes as number[][]
}

/**
 * Checks everything before allocating anything: dimension names against the model, every input's
 * shape and dtype, and the total size against the machine's memory.
 */
export function generateFeeds(inputs: readonly Metadata[], opts: FeedOptions): GeneratedFeeds {
  checkDimNames(opts.dims, inputs, opts.model ?? 'the model')
  const tensors = inputs.map((meta) => {
    if (!meta.isTensor) throw perfgateError('INPUT_UNSUPPORTED', { input: meta.name, type: 'non-tensor' })
    if (DTYPE_BYTES[meta.type] === undefined) throw perfgateError('INPUT_UNSUPPORTED', { input: meta.name, type: meta.type })
    return meta
  })
  const resolved = resolveShapes(tensors, opts.dims, opts.model ?? 'the model')
  const planned = tensors.map((meta, i) => ({ meta, name: meta.name, type: meta.type, dims: resolved[i]! }))
  checkInputMemory(planned, opts.dims, opts.memoryLimitBytes ?? inputMemoryLimit())
  const rand = mulberry32(opts.seed)
  const feeds: Record<string, ort.Tensor> = {}
  const shapes: GeneratedFeeds['shapes'] = {}
  let batchSize = 1
  planned.forEach(({ meta, dims }, i) => {
    if (i === 0 && typeof meta.shape[0] === 'string') batchSize = dims[0] ?? 1
    const isMask = /mask/i.test(meta.name)
    const tensor = generatedTensor(meta.name, meta.type, dims, isMask ? () => 1 : () => Math.floor(rand() * opts.intMax), () => rand() * 2 - 1)
    feeds[meta.name] = tensor
    shapes[meta.name] = { type: meta.type, dims }
  })
  return { feeds, shapes, batchSize }
}

/** One generated input: values in [-1, 1) from `float`, integers from `int` (a mask is all ones), in the order the seed gives them. */
function generatedTensor(name: string, type: string, dims: number[], int: () => number, float: () => number): ort.Tensor {
  const size = dims.reduce((a, b) => a * b, 1)
  switch (type) {
    case 'float32':
      return new ort.Tensor('float32', Float32Array.from({ length: size }, float), dims)
    case 'float64':
      return new ort.Tensor('float64', Float64Array.from({ length: size }, float), dims)
    case 'float16':
      return new ort.Tensor(
        'float16',
        Uint16Array.from({ length: size }, () => toHalfBits(float())),
        dims,
      )
    case 'int64':
      return new ort.Tensor(
        'int64',
        BigInt64Array.from({ length: size }, () => BigInt(int())),
        dims,
      )
    case 'int32':
      return new ort.Tensor('int32', Int32Array.from({ length: size }, int), dims)
    case 'int8':
      return new ort.Tensor(
        'int8',
        Int8Array.from({ length: size }, () => int() % 128),
        dims,
      )
    case 'uint8':
      return new ort.Tensor(
        'uint8',
        Uint8Array.from({ length: size }, () => int() % 256),
        dims,
      )
    case 'bool':
      return new ort.Tensor(
        'bool',
        Uint8Array.from({ length: size }, () => 1),
        dims,
      )
    default:
      throw perfgateError('INPUT_UNSUPPORTED', { input: name, type })
  }
}

/** IEEE 754 half-precision bits of a float in [-1, 1) (no overflow or NaN handling needed there). */
function toHalfBits(x: number): number {
  const sign = x < 0 ? 0x8000 : 0
  const a = Math.abs(x)
  if (a < 6.103515625e-5) return sign | Math.round(a / 5.960464477539063e-8)
  const e = Math.floor(Math.log2(a))
  const m = Math.round((a / 2 ** e - 1) * 1024)
  return m === 1024 ? sign | ((e + 16) << 10) : sign | ((e + 15) << 10) | m
}

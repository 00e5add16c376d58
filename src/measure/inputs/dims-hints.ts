/**
 * The free dimensions of a model's inputs (named and unnamed), what value
 * each should get, and the `dims` object and `--dims` flag that set them:
 * shared by the missing-dims error, `perfgate inspect` and `perfgate init`.
 * Pure: works on the inputs' declared shapes.
 *
 * A value is only offered as a fact where the model says enough (a batch is 1
 * for one request at a time; a KV cache may start empty); everywhere else it is
 * a placeholder that the user must replace with the production size.
 */
import { jsKey } from '../../message-values.js'
import { axisKey } from '../../options/dims-keys.js'

/** A tensor input as its declared shape shows it (onnxruntime's input metadata fits). */
export interface DeclaredInput {
  readonly name: string
  readonly type: string
  /** Sizes, names of symbolic dimensions, and `''` (or a negative number) for unnamed ones. */
  readonly shape: readonly (number | string)[]
}

/** One free dimension: the `dims` key that sets it, where it first appears, and its advice. */
export interface FreeDim {
  readonly key: string
  /** The model's name for it; absent for an unnamed dimension. */
  readonly name?: string
  readonly input: string
  readonly axis: number
  /** The input's shape as text, e.g. `float32[batch, 3, ?, ?]`. */
  readonly shape: string
  /** The value to offer. */
  readonly value: number
  /** false: `value` is a placeholder the user must replace with the production size. */
  readonly known: boolean
  /** What the value should be, in words. */
  readonly advice: string
}

/** Symbolic dimension names taken as 1 when `dims` does not name them. */
export const BATCH_DIM_NAMES: readonly string[] = ['batch', 'batch_size', 'batchsize', 'N', 'n', 'B']

function unnamed(d: number | string): boolean {
  return d === '' || (typeof d === 'number' && d < 0)
}

/** `float32[batch, 3, ?, ?]`: an unnamed dimension shows as `?`. */
export function shapeText(input: DeclaredInput): string {
  return `${input.type}[${input.shape.map((d) => (unnamed(d) ? '?' : String(d))).join(', ')}]`
}

/** An input laid out like an image batch: rank 4 with a fixed channel axis (1, 3 or 4) at axis 1 or 3. */
function imageSides(shape: readonly (number | string)[]): number[] {
  if (shape.length !== 4) return []
  if ([1, 3, 4].includes(shape[1] as number)) return [2, 3]
  if ([1, 3, 4].includes(shape[3] as number)) return [1, 2]
  return []
}

const SIDE = { value: 640, known: false, advice: "an image side: pick your production size (a detector's side is often a multiple of 32)" }
const LENGTH = { value: 128, known: false, advice: 'a length: pick your production length (tokens, frames or samples per input)' }

/** The value a free dimension should get, from its name, else from where it sits in its input. */
export function adviseDim(name: string | undefined, input: DeclaredInput, axis: number): Pick<FreeDim, 'value' | 'known' | 'advice'> {
  const n = name ?? ''
  if (/past/i.test(n))
    return { value: 0, known: true, advice: 'a KV-cache length: 0 feeds an empty cache (a prefill); the cached length measures a decode step' }
  if (BATCH_DIM_NAMES.includes(n) || /batch/i.test(n)) return { value: 1, known: true, advice: 'the batch size: 1 for one request at a time' }
  if (/total/i.test(n)) return { ...LENGTH, advice: 'a total length: the cached length plus the new tokens (past + sequence)' }
  if (/height|width|^h$|^w$|side|image|img/i.test(n)) return SIDE
  if (/seq|len|token|time|frame|step|sample|word|chunk/i.test(n)) return LENGTH
  if (imageSides(input.shape).includes(axis)) return SIDE
  if (axis === 0 && input.shape.length >= 2) return { value: 1, known: true, advice: 'axis 0, usually the batch size: 1 for one request at a time' }
  return { value: 1, known: false, advice: 'nothing in the model says its size: pick your production size' }
}

/** Every free dimension of `inputs`, once per `dims` key (where it first appears), in input order. */
export function freeDims(inputs: readonly DeclaredInput[]): FreeDim[] {
  const out: FreeDim[] = []
  const seen = new Set<string>()
  for (const input of inputs) {
    input.shape.forEach((d, axis) => {
      if (typeof d === 'number' && d >= 0) return
      const name = typeof d === 'string' && d !== '' ? d : undefined
      const key = name ?? axisKey(input.name, axis)
      if (seen.has(key)) return
      seen.add(key)
      out.push({ key, ...(name !== undefined ? { name } : {}), input: input.name, axis, shape: shapeText(input), ...adviseDim(name, input, axis) })
    })
  }
  return out
}

/** `{ batch: 1, 'p2o.DynamicDimension.1': 640 }`: valid JavaScript, keys quoted where they are no identifier. */
export function dimsLiteral(dims: readonly Pick<FreeDim, 'key' | 'value'>[]): string {
  return dims.length === 0 ? '{}' : `{ ${dims.map((d) => `${jsKey(d.key)}: ${d.value}`).join(', ')} }`
}

/**
 * The same object over several lines, each placeholder marked with a comment (for a generated test file):
 * `indent` is the indentation of the closing brace.
 */
export function dimsLiteralCommented(dims: readonly Pick<FreeDim, 'key' | 'value' | 'known' | 'advice'>[], indent: string): string {
  if (dims.length === 0) return '{}'
  const lines = dims.map((d) => `${indent}  ${jsKey(d.key)}: ${d.value}, // ${d.known ? '' : 'PLACEHOLDER: '}${d.advice}`)
  return `{\n${lines.join('\n')}\n${indent}}`
}

/** The `--dims` value: `batch=1,p2o.DynamicDimension.1=640`. */
export function dimsFlag(dims: readonly Pick<FreeDim, 'key' | 'value'>[]): string {
  return dims.map((d) => `${d.key}=${d.value}`).join(',')
}

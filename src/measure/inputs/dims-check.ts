/**
 * The `dims` option checked against the model before any input is built:
 * every value a whole number >= 1, every key a symbolic dimension of some
 * input or an unnamed axis (`'input:axis'`; a key that matches nothing would
 * silently change nothing).
 */
import type ort from 'onnxruntime-node'
import { perfgateError } from '../../errors.js'
import { axisKey, mayBeZero, parseAxisKey } from '../../options/dims-keys.js'
import { closestName } from '../../options/suggest.js'

export { mayBeZero }

type Metadata = ort.InferenceSession.ValueMetadata

/**
 * Every value of `dims` must be an integer >= 1, or >= 0 for a KV-cache length
 * (0 elsewhere, negatives, fractions, NaN and Infinity are refused).
 */
export function checkDimValues(dims: unknown): void {
  if (dims === undefined || typeof dims !== 'object' || dims === null) return
  for (const [dim, value] of Object.entries(dims)) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < (mayBeZero(dim) ? 0 : 1)) throw perfgateError('DIM_INVALID', { dim, value })
  }
}

/** The symbolic dimension names of the model's tensor inputs, in order of first appearance. */
export function symbolicDims(inputs: readonly Metadata[]): string[] {
  const names = new Set<string>()
  for (const meta of inputs) if (meta.isTensor) for (const d of meta.shape) if (typeof d === 'string' && d !== '') names.add(d)
  return [...names]
}

/** Whether a declared dimension has neither a size nor a name (onnxruntime shows it as `''`; -1 from older exporters). */
export function isUnnamedDim(d: number | string): boolean {
  return d === '' || (typeof d === 'number' && d < 0)
}

/** The `'input:axis'` keys of the model's unnamed dimensions, in input order. */
export function unnamedDimKeys(inputs: readonly Metadata[]): string[] {
  const keys: string[] = []
  for (const meta of inputs) if (meta.isTensor) meta.shape.forEach((d, axis) => isUnnamedDim(d) && keys.push(axisKey(meta.name, axis)))
  return keys
}

/** Why an `'input:axis'` key cannot set a dimension of this model, and the fix; undefined when it can. */
function axisKeyProblem(key: string, inputs: readonly Metadata[]): { problem: string; fix: string } | undefined {
  const { input, axis } = parseAxisKey(key)!
  const meta = inputs.find((m) => m.name === input)
  if (!meta || !meta.isTensor) {
    const names = inputs.filter((m) => m.isTensor).map((m) => `'${m.name}'`)
    return { problem: 'the model has no tensor input of that name', fix: `Its inputs: ${names.join(', ') || 'none'}.` }
  }
  const shape = `[${meta.shape.map((d) => (isUnnamedDim(d) ? '?' : d)).join(', ')}]`
  const d = meta.shape[axis]
  if (d === undefined) return { problem: `that input has ${meta.shape.length} axes, ${shape}`, fix: `Use an axis from 0 to ${meta.shape.length - 1}.` }
  if (typeof d === 'string' && d !== '') return { problem: `that axis is named '${d}' (shape ${shape})`, fix: `Set it by its name: dims: { '${d}': N }.` }
  if (!isUnnamedDim(d)) return { problem: `that axis has the fixed size ${d} (shape ${shape})`, fix: 'Only free dimensions can be set: remove the key.' }
  return undefined
}

/** Refuses keys of `dims` that set no dimension of the model, with the model's own names and a suggestion. */
export function checkDimNames(dims: Readonly<Record<string, number>>, inputs: readonly Metadata[], model: string): void {
  const known = symbolicDims(inputs)
  const unnamed = unnamedDimKeys(inputs)
  const unknown: string[] = []
  for (const key of Object.keys(dims)) {
    if (known.includes(key) || unnamed.includes(key)) continue
    const axis = parseAxisKey(key)
    const problem = axis && inputs.some((m) => m.name === axis.input) ? axisKeyProblem(key, inputs) : undefined
    if (problem) throw perfgateError('DIM_AXIS_INVALID', { model, key, input: axis!.input, axis: axis!.axis, ...problem })
    unknown.push(key)
  }
  if (unknown.length === 0) return
  const all = [...known, ...unnamed]
  const suggestion = closestName(unknown[0]!, all)
  throw perfgateError('DIM_UNKNOWN', { model, names: unknown, known: all, ...(suggestion ? { suggestion } : {}) })
}

/**
 * The `dims` option checked against the model before any input is built:
 * every value a whole number >= 1, every name a symbolic dimension of some
 * input (a name that matches none would silently change nothing).
 */
import type ort from 'onnxruntime-node'
import { perfgateError } from '../../errors.js'
import { closestName } from '../../options/suggest.js'

type Metadata = ort.InferenceSession.ValueMetadata

/** A KV-cache length (`past_sequence_length`, `past_len`, ...) may be 0: an empty cache is how a prefill is fed. */
export function mayBeZero(dim: string): boolean {
  return /past/i.test(dim)
}

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

/** Refuses names of `dims` that no input of the model has, with the model's own names and a suggestion. */
export function checkDimNames(dims: Readonly<Record<string, number>>, inputs: readonly Metadata[], model: string): void {
  const known = symbolicDims(inputs)
  const unknown = Object.keys(dims).filter((name) => !known.includes(name))
  if (unknown.length === 0) return
  const suggestion = closestName(unknown[0]!, known)
  throw perfgateError('DIM_UNKNOWN', { model, names: unknown, known, ...(suggestion ? { suggestion } : {}) })
}

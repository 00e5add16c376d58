/**
 * How much memory generated inputs would take, computed from their shapes and
 * dtypes before any is allocated, and the share of the machine perfgate lets
 * them take: an eighth of its memory, and at most a quarter of what is free
 * (onnxruntime's activations and perfgate's own copies come on top: a
 * 1x3x20000x20000 float32 input of 4.8 GB took 6.2 GB in all).
 */
import { freemem, totalmem } from 'node:os'
import { perfgateError } from '../../errors.js'

/** Bytes per element of the dtypes perfgate generates. */
export const DTYPE_BYTES: Readonly<Record<string, number>> = {
  float32: 4,
  float64: 8,
  float16: 2,
  int64: 8,
  int32: 4,
  int8: 1,
  uint8: 1,
  bool: 1,
}

export interface PlannedInput {
  name: string
  type: string
  dims: readonly number[]
}

export function inputBytes(input: PlannedInput): number {
  return input.dims.reduce((a, b) => a * b, 1) * (DTYPE_BYTES[input.type] ?? 8)
}

/** The most bytes generated inputs may take on this machine. */
export function inputMemoryLimit(total: number = totalmem(), free: number = freemem()): number {
  return Math.min(total / 8, free / 4)
}

/** Refuses inputs whose total size is beyond `limitBytes`, naming the largest one. */
export function checkInputMemory(inputs: readonly PlannedInput[], dims: Readonly<Record<string, number>>, limitBytes: number = inputMemoryLimit()): void {
  let total = 0
  let largest: { input: PlannedInput; bytes: number } | undefined
  for (const input of inputs) {
    const bytes = inputBytes(input)
    total += bytes
    if (!largest || bytes > largest.bytes) largest = { input, bytes }
  }
  if (!largest || total <= limitBytes) return
  throw perfgateError('INPUTS_TOO_LARGE', {
    input: largest.input.name,
    type: largest.input.type,
    shape: largest.input.dims.join(', '),
    bytes: largest.bytes,
    totalBytes: total,
    limitBytes,
    dims: JSON.stringify(dims),
  })
}

/**
 * How many load-test workers this machine can hold. Each worker is a thread
 * with its own V8 heap and its own onnxruntime session, so its memory is
 * estimated as a fixed cost plus a multiple of the model file (the weights,
 * onnxruntime's optimized copy of them and its arena): deliberately simple
 * and on the generous side, to refuse only what cannot fit, before any
 * worker starts. The budget is half of the memory free now.
 */
import { freemem } from 'node:os'
import { perfgateError } from '../../errors.js'

/** A worker thread's own cost: its V8 isolate and heap, onnxruntime's per-session state. */
export const WORKER_BASE_BYTES = 24 * 1024 * 1024
/** A session holds about this many times its model file. */
export const MODEL_BYTES_FACTOR = 2

export function workerBytes(modelBytes: number): number {
  return WORKER_BASE_BYTES + MODEL_BYTES_FACTOR * modelBytes
}

export function loadMemoryLimit(free: number = freemem()): number {
  return free / 2
}

/** Refuses a level count of workers whose estimated memory is beyond the limit. */
export function checkLoadConcurrency(option: string, concurrency: number, modelBytes: number, limitBytes: number = loadMemoryLimit()): void {
  const perWorkerBytes = workerBytes(modelBytes)
  if (concurrency * perWorkerBytes <= limitBytes) return
  throw perfgateError('LOAD_CONCURRENCY_TOO_HIGH', {
    option,
    concurrency,
    perWorkerBytes,
    limitBytes,
    most: Math.max(0, Math.floor(limitBytes / perWorkerBytes)),
  })
}

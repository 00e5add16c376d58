import { describe, expect, it } from 'vitest'
import { PerfgateError } from '../../src/errors.js'
import { checkLoadConcurrency, loadMemoryLimit, MODEL_BYTES_FACTOR, WORKER_BASE_BYTES, workerBytes } from '../../src/measure/load/load-capacity.js'
import { checkTokenIds, vocabularyFromLogits } from '../../src/measure/generation/token-id-check.js'

const MiB = 1024 * 1024

describe('load-test workers this machine can hold', () => {
  it('a worker is a fixed cost plus a multiple of the model file', () => {
    expect(workerBytes(0)).toBe(WORKER_BASE_BYTES)
    expect(workerBytes(100 * MiB)).toBe(WORKER_BASE_BYTES + MODEL_BYTES_FACTOR * 100 * MiB)
  })

  it('the budget is half of the free memory', () => {
    expect(loadMemoryLimit(8000 * MiB)).toBe(4000 * MiB)
  })

  it('accepts levels that fit and refuses the first beyond, naming the option, the estimate, the limit and the most workers', () => {
    const per = workerBytes(8 * MiB) // 40 MiB
    expect(() => checkLoadConcurrency('concurrency[0]', 10, 8 * MiB, 10 * per)).not.toThrow()
    let err: unknown
    try {
      checkLoadConcurrency('concurrency[2]', 1000, 8 * MiB, 10 * per)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(PerfgateError)
    const message = (err as PerfgateError).message
    expect((err as PerfgateError).code).toBe('LOAD_CONCURRENCY_TOO_HIGH')
    expect(message).toContain('concurrency[2] asks for 1000 worker threads')
    expect(message).toContain('about 40.0 MiB (4.19e7 bytes) each')
    expect(message).toContain('beyond the 400.0 MiB')
    expect(message).toContain('Use at most 10 workers')
  })
})

describe('token ids against the vocabulary', () => {
  const meta = (shape: (number | string)[]) => [{ name: 'logits', isTensor: true, type: 'float32', shape }] as never
  it('the vocabulary is the logits’ last dimension when it is fixed', () => {
    expect(vocabularyFromLogits(meta(['batch', 'seq', 512]), 'logits')?.size).toBe(512)
    expect(vocabularyFromLogits(meta(['batch', 'seq', 'vocab']), 'logits')).toBeUndefined()
  })
  it('refuses the first prompt with an id at or beyond the size', () => {
    const ids = [[1, 2], [5, 299, 300], [400]]
    const check = (size: number) => () => checkTokenIds(['a', 'b', 'c'], (i) => ids[i]!, { size, source: 'test' }, 'tok.json')
    expect(check(401)).not.toThrow()
    expect(check(300)).toThrow(/Prompt 1 \('b'\) tokenizes to the id 300, but the model's vocabulary has 300 entries/)
  })
})

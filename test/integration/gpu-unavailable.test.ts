/**
 * CUDA requested on a machine without it (this project's CPU-only CI): every
 * entry point fails with the clear GPU_UNAVAILABLE error before measuring,
 * instead of running on the CPU.
 */
import { describe, expect, it } from 'vitest'
import { PerfgateError } from '../../src/errors.js'
import { probeGpuFacts } from '../../src/measure/model/gpu.js'
import { profile } from '../../src/measure/profile.js'

const CLASSIFIER = 'bench/models/classifier.onnx'
const facts = probeGpuFacts()
const cudaHere = facts.libs.includes('libonnxruntime_providers_cuda.so') && facts.nvidiaSmi.ok && facts.nvidiaSmi.devices.length > 0

async function gpuError(p: Promise<unknown>): Promise<PerfgateError> {
  const err = (await p.then(
    () => undefined,
    (e: unknown) => e,
  )) as PerfgateError
  expect(err).toBeInstanceOf(PerfgateError)
  expect(err.code).toBe('GPU_UNAVAILABLE')
  return err
}

describe.skipIf(cudaHere)('CUDA requested where it cannot run', () => {
  it('profile() names what is missing and how to fix it', async () => {
    const err = await gpuError(profile(CLASSIFIER, { dims: { height: 8, width: 8 }, session: { executionProviders: ['cuda', 'cpu'] } }))
    expect(err.message).toContain('The cuda execution provider was requested, but')
    expect(err.message).toContain(facts.libDir)
    expect(err.message).toContain("leave 'cuda' out of executionProviders")
  })

  it('a sweep over execution providers measures cpu, then stops at cuda', async () => {
    const points: string[] = []
    await gpuError(
      profile.sweep(CLASSIFIER, {
        over: { executionProviders: ['cpu', 'cuda'] },
        dims: { height: 8, width: 8 },
        runs: 3,
        minTime: 0,
        warmup: 0,
        onProgress: (m) => points.push(m),
      }),
    )
    expect(points.filter((m) => m.startsWith('sweep'))).toEqual(['sweep executionProviders=cpu (1/2)', 'sweep executionProviders=cuda (2/2)'])
  })

  it('profile.compare and profile.load refuse it before starting anything', async () => {
    await gpuError(profile.compare({ a: CLASSIFIER, b: CLASSIFIER }, { session: { executionProviders: ['cuda'] } }))
    await gpuError(profile.load(CLASSIFIER, { session: { executionProviders: [{ name: 'cuda' }] } }))
  })
})

/**
 * The GPU provider check as a pure decision on hand-made machine facts, and
 * nvidia-smi's CSV. (This project's CI machines have no GPU: the integration
 * test covers the error there; the figures path is covered here only.)
 */
import { describe, expect, it } from 'vitest'
import { PerfgateError } from '../../src/errors.js'
import {
  assertGpuProvidersAvailable,
  gpuFigures,
  gpuMemoryTracker,
  gpuProblems,
  parseNvidiaSmiGpus,
  parseNvidiaSmiProcessMB,
  requestedGpuProviders,
  type GpuFacts,
} from '../../src/measure/model/gpu.js'

const H100 = { index: 0, name: 'NVIDIA H100 80GB HBM3', memoryTotalMB: 81559, memoryUsedMB: 4 }
const LINUX_LIBS = ['libonnxruntime_providers_shared.so', 'libonnxruntime_providers_cuda.so']
const ready: GpuFacts = { platform: 'linux/x64', libDir: '/ort/bin', libs: LINUX_LIBS, nvidiaSmi: { ok: true, devices: [H100] } }

describe('requestedGpuProviders', () => {
  it('picks cuda and tensorrt, by name or { name }, any case', () => {
    expect(requestedGpuProviders(['cpu'])).toEqual([])
    expect(requestedGpuProviders(undefined)).toEqual([])
    expect(requestedGpuProviders(['CUDA', 'cpu'])).toEqual(['cuda'])
    expect(requestedGpuProviders([{ name: 'tensorrt' }, { name: 'cuda', deviceId: 0 }])).toEqual(['tensorrt', 'cuda'])
  })
})

describe('gpuProblems', () => {
  it('nothing is missing on a machine with the libraries and a GPU', () => {
    expect(gpuProblems('cuda', ready)).toBeNull()
  })

  it('names the missing libraries, the folder, and how to install them', () => {
    const p = gpuProblems('cuda', { ...ready, libs: ['libonnxruntime_providers_shared.so'] })!
    expect(p.missing).toEqual(["onnxruntime-node's provider library libonnxruntime_providers_cuda.so is not installed in /ort/bin"])
    expect(p.fix).toContain('npm rebuild onnxruntime-node --onnxruntime-node-install=cuda12')
    expect(p.fix).toContain("Or leave 'cuda' out of executionProviders to measure on the CPU.")
  })

  it('TensorRT needs its own library too', () => {
    expect(gpuProblems('tensorrt', ready)!.missing[0]).toContain('libonnxruntime_providers_tensorrt.so is not installed')
  })

  it('no GPU: nvidia-smi missing, failing, or listing none', () => {
    expect(gpuProblems('cuda', { ...ready, nvidiaSmi: { ok: false, detail: 'not found on PATH' } })!.missing).toEqual([
      'no NVIDIA GPU is visible (nvidia-smi: not found on PATH)',
    ])
    expect(gpuProblems('cuda', { ...ready, nvidiaSmi: { ok: true, devices: [] } })!.missing).toEqual(['nvidia-smi lists no GPU'])
  })

  it('a platform without a CUDA build, with everything else missing too, lists it all', () => {
    const p = gpuProblems('cuda', { platform: 'darwin/arm64', libDir: '/x', libs: [], nvidiaSmi: { ok: false, detail: 'not found on PATH' } })!
    expect(p.missing).toEqual(['onnxruntime-node has no cuda build for darwin/arm64', 'no NVIDIA GPU is visible (nvidia-smi: not found on PATH)'])
  })
})

describe('assertGpuProvidersAvailable', () => {
  it('throws GPU_UNAVAILABLE with the whole story, also when a CPU fallback is listed', () => {
    const none: GpuFacts = { platform: 'linux/x64', libDir: '/ort/bin', libs: [], nvidiaSmi: { ok: false, detail: 'not found on PATH' } }
    let err: PerfgateError | undefined
    try {
      assertGpuProvidersAvailable(['cuda', 'cpu'], () => none)
    } catch (e) {
      err = e as PerfgateError
    }
    expect(err?.code).toBe('GPU_UNAVAILABLE')
    expect(err?.message).toMatch(
      /^The cuda execution provider was requested, but onnxruntime-node's provider libraries .* are not installed in \/ort\/bin; and no NVIDIA GPU is visible/,
    )
    expect(err?.message).toContain('perfgate does not fall back to the CPU silently')
  })

  it('does not look at the machine when no GPU provider is asked for', () => {
    let probed = 0
    assertGpuProvidersAvailable(['cpu'], () => {
      probed++
      return ready
    })
    assertGpuProvidersAvailable(['cuda'], () => {
      probed++
      return ready
    })
    expect(probed).toBe(1)
  })
})

describe("nvidia-smi's CSV", () => {
  it('reads GPUs (names may hold commas)', () => {
    expect(parseNvidiaSmiGpus('0, NVIDIA H100 80GB HBM3, 81559, 4\n1, Tesla T4, rev, 15360, 1024\n\n')).toEqual([
      H100,
      { index: 1, name: 'Tesla T4, rev', memoryTotalMB: 15360, memoryUsedMB: 1024 },
    ])
    expect(parseNvidiaSmiGpus('No devices were found')).toEqual([])
  })

  it("sums a process's memory over its GPUs", () => {
    expect(parseNvidiaSmiProcessMB('1234, 500\n999, 7\n1234, 250\n', 1234)).toBe(750)
    expect(parseNvidiaSmiProcessMB('999, 7\n', 1234)).toBeUndefined()
  })

  it('GPU figures from three snapshots', () => {
    const snap = (used: number, processMB?: number) => ({
      devices: [{ ...H100, memoryUsedMB: used }],
      usedMB: used,
      ...(processMB !== undefined ? { processMB } : {}),
    })
    expect(gpuFigures(snap(100), snap(900, 700), snap(1100, 950))).toEqual({
      devices: [{ index: 0, name: 'NVIDIA H100 80GB HBM3', memoryTotalMB: 81559 }],
      usedBeforeLoadMB: 100,
      usedAfterLoadMB: 900,
      usedAfterRunsMB: 1100,
      deltaMB: 1000,
      processMB: 950,
    })
    expect(gpuFigures(undefined, snap(1), snap(2))).toBeUndefined()
    expect(gpuMemoryTracker(['cpu'])).toBeUndefined()
  })
})

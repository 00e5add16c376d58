/**
 * GPU execution providers: refuse to measure when CUDA (or TensorRT) is
 * requested but cannot run, instead of letting the figures come from the CPU;
 * and, where it runs, GPU memory from nvidia-smi next to RSS.
 *
 * What CUDA needs from onnxruntime-node: a build for the platform (Linux or
 * Windows on x64), its CUDA provider libraries (not in the npm package on
 * Linux: its install script downloads them, unless `onnxruntime-node-install=skip`)
 * and a visible NVIDIA GPU (nvidia-smi lists one).
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { perfgateError } from '../../errors.js'
import type { GpuFigures } from '../../types/index.js'

export interface GpuDevice {
  index: number
  name: string
  memoryTotalMB: number
  memoryUsedMB: number
}

/** What the machine offers a GPU provider; gathered by `probeGpuFacts`, judged by `gpuProblems`. */
export interface GpuFacts {
  /** `linux/x64` */
  platform: string
  /** onnxruntime-node's folder of native libraries. */
  libDir: string
  /** Provider library file names found there. */
  libs: readonly string[]
  nvidiaSmi: { ok: true; devices: GpuDevice[] } | { ok: false; detail: string }
}

/** Provider names (lower case) that run on an NVIDIA GPU, and the libraries each needs per platform. */
const PROVIDER_LIBS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  cuda: {
    'linux/x64': ['libonnxruntime_providers_shared.so', 'libonnxruntime_providers_cuda.so'],
    'win32/x64': ['onnxruntime_providers_shared.dll', 'onnxruntime_providers_cuda.dll'],
  },
  tensorrt: {
    'linux/x64': ['libonnxruntime_providers_shared.so', 'libonnxruntime_providers_cuda.so', 'libonnxruntime_providers_tensorrt.so'],
    'win32/x64': ['onnxruntime_providers_shared.dll', 'onnxruntime_providers_cuda.dll', 'onnxruntime_providers_tensorrt.dll'],
  },
}

function providerName(ep: unknown): string {
  if (typeof ep === 'string') return ep.toLowerCase()
  if (ep && typeof ep === 'object' && 'name' in ep) return String((ep as { name: unknown }).name).toLowerCase()
  return ''
}

/** The GPU providers among `executionProviders`, lower case, in order. */
export function requestedGpuProviders(executionProviders: readonly unknown[] | undefined): string[] {
  return (executionProviders ?? []).map(providerName).filter((n) => n in PROVIDER_LIBS)
}

/** What keeps `provider` from running, and how to fix it; null when nothing does. Pure. */
export function gpuProblems(provider: string, facts: GpuFacts): { missing: string[]; fix: string } | null {
  const needs = PROVIDER_LIBS[provider]?.[facts.platform]
  const missing: string[] = []
  const fixes: string[] = []
  if (!needs) {
    missing.push(`onnxruntime-node has no ${provider} build for ${facts.platform}`)
    fixes.push('Measure on Linux or Windows x64 with an NVIDIA GPU')
  } else {
    const absent = needs.filter((lib) => !facts.libs.includes(lib))
    if (absent.length > 0) {
      missing.push(
        `onnxruntime-node's provider librar${absent.length === 1 ? 'y' : 'ies'} ${absent.join(', ')} ${absent.length === 1 ? 'is' : 'are'} not installed in ${facts.libDir}`,
      )
      fixes.push(
        facts.platform === 'linux/x64'
          ? 'Install them with `npm rebuild onnxruntime-node --onnxruntime-node-install=cuda12` (and remove `onnxruntime-node-install=skip` from .npmrc); they need CUDA 12 and cuDNN 9 on the machine'
          : 'Reinstall onnxruntime-node with its GPU files',
      )
    }
  }
  if (!facts.nvidiaSmi.ok) {
    missing.push(`no NVIDIA GPU is visible (nvidia-smi: ${facts.nvidiaSmi.detail})`)
    fixes.push('Run on a machine with an NVIDIA GPU and its driver (nvidia-smi must list it)')
  } else if (facts.nvidiaSmi.devices.length === 0) {
    missing.push('nvidia-smi lists no GPU')
    fixes.push('Check that the GPU is visible to this process (CUDA_VISIBLE_DEVICES, container --gpus)')
  }
  if (missing.length === 0) return null
  return { missing, fix: `${fixes.join('. ')}. Or leave '${provider}' out of executionProviders to measure on the CPU.` }
}

/** Parses `nvidia-smi --query-gpu=index,name,memory.total,memory.used --format=csv,noheader,nounits`. */
export function parseNvidiaSmiGpus(csv: string): GpuDevice[] {
  return csv
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => {
      const parts = l.split(',').map((p) => p.trim())
      const [index, memoryUsedMB, memoryTotalMB] = [parts[0], parts.at(-1), parts.at(-2)].map(Number)
      return { index: index!, name: parts.slice(1, -2).join(', '), memoryTotalMB: memoryTotalMB!, memoryUsedMB: memoryUsedMB! }
    })
    .filter((d) => Number.isFinite(d.index) && Number.isFinite(d.memoryTotalMB) && Number.isFinite(d.memoryUsedMB))
}

/** GPU memory of process `pid` from `nvidia-smi --query-compute-apps=pid,used_memory --format=csv,noheader,nounits`, MiB (what nvidia-smi calls MB); undefined when not listed. */
export function parseNvidiaSmiProcessMB(csv: string, pid: number): number | undefined {
  let total: number | undefined
  for (const line of csv.split('\n')) {
    const [p, mb] = line.split(',').map((x) => Number(x.trim()))
    if (p === pid && Number.isFinite(mb)) total = (total ?? 0) + mb!
  }
  return total
}

function nvidiaSmi(args: string[]): string {
  return execFileSync('nvidia-smi', args, { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] })
}

function queryGpus(): GpuFacts['nvidiaSmi'] {
  try {
    return { ok: true, devices: parseNvidiaSmiGpus(nvidiaSmi(['--query-gpu=index,name,memory.total,memory.used', '--format=csv,noheader,nounits'])) }
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string }
    return { ok: false, detail: e.code === 'ENOENT' ? 'not found on PATH' : (e.stderr?.trim() || e.message).split('\n')[0]! }
  }
}

let cachedFacts: GpuFacts | undefined

/** The machine's facts (cached for the process: libraries and GPUs do not come and go during a test run). */
export function probeGpuFacts(): GpuFacts {
  if (cachedFacts) return cachedFacts
  const platform = `${process.platform}/${process.arch}`
  let libDir = '(onnxruntime-node not found)'
  let libs: string[] = []
  try {
    const pkg = createRequire(import.meta.url).resolve('onnxruntime-node/package.json')
    libDir = join(dirname(pkg), 'bin', 'napi-v6', process.platform, process.arch)
    const all = new Set(Object.values(PROVIDER_LIBS).flatMap((byPlatform) => Object.values(byPlatform).flat()))
    libs = [...all].filter((lib) => existsSync(join(libDir, lib)))
  } catch {
    // libDir says it was not found; every library counts as missing
  }
  cachedFacts = { platform, libDir, libs, nvidiaSmi: queryGpus() }
  return cachedFacts
}

/**
 * Throws GPU_UNAVAILABLE when `executionProviders` asks for a GPU provider this
 * machine cannot run, even with a CPU fallback listed after it: the figures
 * would silently describe the CPU.
 */
export function assertGpuProvidersAvailable(executionProviders: readonly unknown[] | undefined, facts: () => GpuFacts = probeGpuFacts): void {
  for (const provider of requestedGpuProviders(executionProviders)) {
    const problem = gpuProblems(provider, facts())
    if (problem) throw perfgateError('GPU_UNAVAILABLE', { provider, missing: problem.missing, fix: problem.fix })
  }
}

/** Memory used on all GPUs now, and by this process; undefined when nvidia-smi does not answer. */
export function gpuMemoryNow(): { devices: GpuDevice[]; usedMB: number; processMB?: number } | undefined {
  const q = queryGpus()
  if (!q.ok) return undefined
  let processMB: number | undefined
  try {
    processMB = parseNvidiaSmiProcessMB(nvidiaSmi(['--query-compute-apps=pid,used_memory', '--format=csv,noheader,nounits']), process.pid)
  } catch {
    processMB = undefined
  }
  return { devices: q.devices, usedMB: q.devices.reduce((s, d) => s + d.memoryUsedMB, 0), ...(processMB !== undefined ? { processMB } : {}) }
}

/** GPU figures from the snapshots taken before load, after load and after the runs. */
export function gpuFigures(
  before: ReturnType<typeof gpuMemoryNow>,
  afterLoad: ReturnType<typeof gpuMemoryNow>,
  afterRuns: ReturnType<typeof gpuMemoryNow>,
): GpuFigures | undefined {
  if (!before || !afterLoad || !afterRuns) return undefined
  return {
    devices: afterRuns.devices.map((d) => ({ index: d.index, name: d.name, memoryTotalMB: d.memoryTotalMB })),
    usedBeforeLoadMB: before.usedMB,
    usedAfterLoadMB: afterLoad.usedMB,
    usedAfterRunsMB: afterRuns.usedMB,
    deltaMB: afterRuns.usedMB - before.usedMB,
    ...(afterRuns.processMB !== undefined ? { processMB: afterRuns.processMB } : {}),
  }
}

/** Snapshots of GPU memory at the points a profile marks (before load, after load, after the runs); undefined without a GPU provider. */
export function gpuMemoryTracker(executionProviders: readonly unknown[] | undefined): { snap(): void; figures(): GpuFigures | undefined } | undefined {
  if (requestedGpuProviders(executionProviders).length === 0) return undefined
  const snaps: ReturnType<typeof gpuMemoryNow>[] = []
  return {
    snap: () => void snaps.push(gpuMemoryNow()),
    figures: () => gpuFigures(snaps[0], snaps[1], snaps[2]),
  }
}

/** The fingerprint of the environment a measurement runs on. */
import { arch, availableParallelism, cpus, platform, release } from 'node:os'
import type { Testbed } from '../../types/index.js'

export interface SessionThreading {
  executionProviders?: readonly unknown[]
  intraOpNumThreads?: number
  interOpNumThreads?: number
}

function providerName(ep: unknown): string {
  if (typeof ep === 'string') return ep
  if (ep && typeof ep === 'object' && 'name' in ep) return String((ep as { name: unknown }).name)
  return String(ep)
}

/**
 * `onnxruntime` is the onnxruntime-node version, or `none` for function profiles;
 * execution providers default to `cpu`, as onnxruntime-node's do.
 */
export function collectTestbed(onnxruntime: string, session: SessionThreading = {}): Testbed {
  return {
    cpuModel: (cpus()[0]?.model ?? 'unknown').trim().replace(/\s+/g, ' '),
    cores: availableParallelism(),
    os: `${platform()} ${release()}`,
    arch: arch(),
    node: process.versions.node,
    onnxruntime,
    executionProviders: onnxruntime === 'none' ? [] : (session.executionProviders ?? ['cpu']).map(providerName),
    intraOpNumThreads: session.intraOpNumThreads ?? null,
    interOpNumThreads: session.interOpNumThreads ?? null,
  }
}

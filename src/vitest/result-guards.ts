/** What the matchers accept: type guards for perfgate's results and Vitest 5's benchmark results. */
import type { GenerationResult, ProfileResult } from '../types/index.js'

export function isProfileResult(x: unknown): x is ProfileResult {
  return typeof x === 'object' && x !== null && 'latency' in x && 'samples' in x && 'testbed' in x && 'memory' in x
}

/** A Vitest 5 benchmark result (`await bench(name, fn).run()`): latency in ms, samples when retained. */
interface VitestBenchResult {
  latency: { samples?: number[]; mean?: number }
  throughput?: { mean?: number }
}

export function isVitestBenchResult(x: unknown): x is VitestBenchResult {
  if (typeof x !== 'object' || x === null || isProfileResult(x) || !('latency' in x)) return false
  const latency = (x as { latency: unknown }).latency
  return typeof latency === 'object' && latency !== null && 'mean' in latency
}

export function isGenerationResult(x: unknown): x is GenerationResult {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'generation' && 'ttft' in x && 'requests' in x && 'testbed' in x
}

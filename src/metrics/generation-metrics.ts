/**
 * The generation part of the metric catalogue: the figures of a
 * `profile.generate` result that can be gated, their units, directions, where
 * they are read, and the per-request samples that back their significance test.
 * Memory and load time keep the ids they have for `profile()` results.
 */
import { mean, percentile, type SortedSamples } from '../stats/index.js'
import type { Distribution, GenerationResult, MetricId } from '../types/index.js'
import type { MetricDef } from './metric-def.js'

export interface GenerationMetricDef extends Omit<MetricDef, 'read'> {
  read: (g: GenerationResult) => number | undefined
}

const STATS = ['mean', 'p50', 'p90', 'p95', 'p99'] as const

const STATISTIC: Record<(typeof STATS)[number], (xs: SortedSamples) => number> = {
  mean,
  p50: (xs) => percentile(xs, 50),
  p90: (xs) => percentile(xs, 90),
  p95: (xs) => percentile(xs, 95),
  p99: (xs) => percentile(xs, 99),
}

function family(name: 'ttft' | 'tpot' | 'itl' | 'e2e', get: (g: GenerationResult) => Distribution | null): GenerationMetricDef[] {
  return STATS.map((stat) => ({
    id: `${name}.${stat}` as MetricId,
    unit: 'ms',
    better: 'lower',
    samples: name,
    statistic: STATISTIC[stat],
    read: (g) => get(g)?.[stat],
  }))
}

const defs: GenerationMetricDef[] = [
  ...family('ttft', (g) => g.ttft),
  ...family('tpot', (g) => g.tpot),
  ...family('itl', (g) => g.itl),
  ...family('e2e', (g) => g.e2e),
  { id: 'tokensPerSecond', unit: 'tokens/s', better: 'higher', samples: 'tokensPerSecond', statistic: mean, read: (g) => g.tokensPerSecond.mean },
  { id: 'totalTokensPerSecond', unit: 'tokens/s', better: 'higher', read: (g) => g.totalTokensPerSecond.mean },
  { id: 'prefillTokensPerSecond', unit: 'tokens/s', better: 'higher', read: (g) => g.prefillTokensPerSecond.mean },
  // a server's result has no load time, and the memory it reports is the client's: neither is stored nor gated
  { id: 'memory.peakDeltaMB', unit: 'MiB', better: 'lower', read: (g) => (g.endpoint ? undefined : g.memory.peakDeltaMB) },
  { id: 'memory.peakRssMB', unit: 'MiB', better: 'lower', read: (g) => (g.endpoint ? undefined : g.memory.peakRssMB) },
  { id: 'loadMs', unit: 'ms', better: 'lower', read: (g) => (g.endpoint ? undefined : g.loadMs) },
]

/** Generation metric definitions, in display order (shared ids included). */
export const GENERATION_METRIC_DEFS: readonly GenerationMetricDef[] = defs

/** Every metric id a generation result has, in display order. */
export const GENERATION_METRIC_IDS: readonly MetricId[] = defs.map((d) => d.id)

/** Metrics `expect(generationResult).toBeWithinBaseline()` gates unless `metrics` says otherwise. */
export const DEFAULT_GATED_GENERATION_METRICS: readonly MetricId[] = ['ttft.p95', 'tpot.p50', 'tokensPerSecond', 'memory.peakDeltaMB']

/** All metric values of a generation result, for storing in a baseline entry. */
export function generationMetricValues(result: GenerationResult): Record<string, number> {
  const out: Record<string, number> = {}
  for (const d of defs) {
    const v = d.read(result)
    if (v !== undefined && Number.isFinite(v)) out[d.id] = v
  }
  return out
}

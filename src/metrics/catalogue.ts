/**
 * The catalogue of gateable metrics: unit, direction, where the value comes
 * from in a profile result, and which per-run samples back it statistically.
 */
import { mean, percentile, type SortedSamples } from '../stats/index.js'
import type { Better, MetricId, ProfileResult } from '../types/index.js'
import { GENERATION_METRIC_DEFS } from './generation-metrics.js'
import type { MetricDef } from './metric-def.js'

export type { MetricDef }

const pct = (p: number) => (xs: SortedSamples) => percentile(xs, p)

const defs: MetricDef[] = [
  { id: 'latency.mean', unit: 'ms', better: 'lower', samples: 'latency', statistic: mean, mean: true, read: (r) => r.latency.mean },
  { id: 'latency.p50', unit: 'ms', better: 'lower', samples: 'latency', statistic: pct(50), read: (r) => r.latency.p50 },
  { id: 'latency.p90', unit: 'ms', better: 'lower', samples: 'latency', statistic: pct(90), tail: true, read: (r) => r.latency.p90 },
  { id: 'latency.p95', unit: 'ms', better: 'lower', samples: 'latency', statistic: pct(95), tail: true, read: (r) => r.latency.p95 },
  { id: 'latency.p99', unit: 'ms', better: 'lower', samples: 'latency', statistic: pct(99), tail: true, read: (r) => r.latency.p99 },
  { id: 'cpu.mean', unit: 'ms', better: 'lower', samples: 'cpu', statistic: mean, mean: true, read: (r) => r.cpu.mean },
  { id: 'cpu.p50', unit: 'ms', better: 'lower', samples: 'cpu', statistic: pct(50), read: (r) => r.cpu.p50 },
  {
    id: 'throughput',
    unit: 'runs/s',
    better: 'higher',
    samples: 'latency',
    statistic: (xs) => 1000 / mean(xs),
    mean: true,
    read: (r) => r.throughput.runsPerSecond,
  },
  { id: 'memory.peakDeltaMB', unit: 'MiB', better: 'lower', read: (r) => r.memory.peakDeltaMB },
  { id: 'memory.peakRssMB', unit: 'MiB', better: 'lower', read: (r) => r.memory.peakRssMB },
  { id: 'loadMs', unit: 'ms', better: 'lower', read: (r) => r.loadMs },
  { id: 'firstRunMs', unit: 'ms', better: 'lower', read: (r) => r.firstRunMs },
]

/**
 * Metric definitions by id (`value` is the pseudo-metric of a single gated number), generation
 * metrics included (see generation-metrics.ts; they read generation results, so `read` here gives nothing).
 */
export const METRICS: ReadonlyMap<MetricId, MetricDef> = new Map([
  ...defs.map((d): [MetricId, MetricDef] => [d.id, d]),
  ...GENERATION_METRIC_DEFS.filter((g) => !defs.some((d) => d.id === g.id)).map((g): [MetricId, MetricDef] => [g.id, { ...g, read: () => undefined }]),
])

/** Every metric id perfgate knows (profile, then generation metrics), for messages that list them. */
export const KNOWN_METRIC_IDS: readonly MetricId[] = [...METRICS.keys()]

/** Every metric id a profile result has, in display order. */
export const PROFILE_METRIC_IDS: readonly MetricId[] = defs.map((d) => d.id)

/** Metrics `expect(result).toBeWithinBaseline()` gates unless `metrics` says otherwise. */
export const DEFAULT_GATED_METRICS: readonly MetricId[] = ['latency.p50', 'latency.p95', 'throughput', 'memory.peakDeltaMB']

/** What a benchmark result (Vitest 4 `bench()` tasks, Vitest 5 `bench().run()` results) is gated on: it has no memory figures. */
export const BENCH_GATED_METRICS: readonly MetricId[] = ['latency.p50', 'latency.p95', 'throughput']

/** Definition of the single-number pseudo-metric. */
export function valueMetric(better: Better): MetricDef {
  return { id: 'value', unit: '', better, read: () => undefined }
}

/** All metric values of a profile result, for storing in a baseline entry. */
export function metricValues(result: ProfileResult): Record<string, number> {
  const out: Record<string, number> = {}
  for (const d of defs) {
    const v = d.read(result)
    if (v !== undefined && Number.isFinite(v)) out[d.id] = v
  }
  return out
}

/** Type guard for metric ids given by users. */
export function isMetricId(id: string): id is MetricId {
  return METRICS.has(id as MetricId) || id === 'value'
}

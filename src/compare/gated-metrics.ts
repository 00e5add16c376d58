/**
 * Which metrics one assertion gates. A matcher's `metrics` option must name
 * only metrics the result's kind has: anything else would gate nothing (an
 * error, never a pass). The plugin's list applies to each kind of result with
 * the ids that kind has (so one list can name profile and generation metrics
 * side by side); a kind it names nothing of gets its default list.
 */
import { perfgateError } from '../errors.js'
import type { MetricId } from '../types/index.js'
import { DEFAULT_GATED_GENERATION_METRICS, GENERATION_METRIC_IDS } from '../metrics/generation-metrics.js'
import { BENCH_GATED_METRICS, DEFAULT_GATED_METRICS, PROFILE_METRIC_IDS } from '../metrics/catalogue.js'

export type GatedKind = 'profile' | 'generation' | 'bench'

/** The metrics a benchmark entry has: it is built from per-run times alone (entryFromSamples). */
const BENCH_METRIC_IDS: readonly MetricId[] = ['latency.mean', 'latency.p50', 'latency.p90', 'latency.p95', 'latency.p99', 'throughput']

const KIND_IDS: Record<GatedKind, readonly MetricId[]> = { profile: PROFILE_METRIC_IDS, generation: GENERATION_METRIC_IDS, bench: BENCH_METRIC_IDS }
const KIND_NAMES: Record<GatedKind, string> = { profile: 'profile', generation: 'generation', bench: 'Vitest benchmark' }
const KIND_DEFAULTS: Record<GatedKind, readonly MetricId[]> = {
  profile: DEFAULT_GATED_METRICS,
  generation: DEFAULT_GATED_GENERATION_METRICS,
  bench: BENCH_GATED_METRICS,
}

export function gatedMetricsFor(kind: GatedKind, matcher?: readonly MetricId[], plugin?: readonly MetricId[]): readonly MetricId[] {
  if (matcher) {
    const foreign = matcher.filter((id) => !KIND_IDS[kind].includes(id))
    if (matcher.length === 0) throw perfgateError('METRICS_EMPTY', { where: 'toBeWithinBaseline({ metrics })' })
    if (foreign.length > 0) {
      throw perfgateError('METRICS_NOT_OF_KIND', {
        where: 'toBeWithinBaseline({ metrics })',
        metrics: foreign,
        kind: KIND_NAMES[kind],
        available: KIND_IDS[kind],
      })
    }
    return matcher
  }
  const own = (plugin ?? []).filter((id) => KIND_IDS[kind].includes(id))
  return own.length > 0 ? own : KIND_DEFAULTS[kind]
}

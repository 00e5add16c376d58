/**
 * Which metrics one assertion gates. A matcher's `metrics` option is used as
 * given. The plugin's list applies to each kind of result with the ids that
 * kind has (so one list can name profile and generation metrics side by
 * side); a kind it names nothing of gets its default list.
 */
import type { MetricId } from '../types/index.js'
import { DEFAULT_GATED_GENERATION_METRICS, GENERATION_METRIC_IDS } from './generation-metrics.js'
import { BENCH_GATED_METRICS, DEFAULT_GATED_METRICS, PROFILE_METRIC_IDS } from './metrics.js'

export type GatedKind = 'profile' | 'generation' | 'bench'

const KIND_IDS: Record<GatedKind, readonly MetricId[]> = { profile: PROFILE_METRIC_IDS, generation: GENERATION_METRIC_IDS, bench: PROFILE_METRIC_IDS }
const KIND_DEFAULTS: Record<GatedKind, readonly MetricId[]> = {
  profile: DEFAULT_GATED_METRICS,
  generation: DEFAULT_GATED_GENERATION_METRICS,
  bench: BENCH_GATED_METRICS,
}

export function gatedMetricsFor(kind: GatedKind, matcher?: readonly MetricId[], plugin?: readonly MetricId[]): readonly MetricId[] {
  if (matcher) return matcher
  const own = (plugin ?? []).filter((id) => KIND_IDS[kind].includes(id))
  return own.length > 0 ? own : KIND_DEFAULTS[kind]
}

/** What defines a gateable metric: the shape shared by the profile and generation catalogues. */
import type { SortedSamples } from '../stats/index.js'
import type { Better, MetricId, ProfileResult, SampleSet } from '../types/index.js'

export interface MetricDef {
  id: MetricId
  unit: 'ms' | 'MiB' | 'runs/s' | 'tokens/s' | ''
  better: Better
  /** Per-run samples whose distribution this metric summarises, for the significance test. */
  samples?: keyof SampleSet
  /** The metric computed from sorted samples, for the bootstrap interval of the change. */
  statistic?: (sorted: SortedSamples) => number
  /**
   * The statistic is a mean (or a rate from one), which the slowest few runs can move on their own: a change
   * beyond the tolerance that the runs without the slowest 5% do not show is unresolved (compare-entry.ts).
   */
  mean?: true
  /** A tail percentile (p90 and above): on a busy machine its change must be the median's too (compare-entry.ts). */
  tail?: true
  read: (r: ProfileResult) => number | undefined
}

/**
 * Builds baseline entries from what a test measured: the metrics, a bounded
 * sorted subsample of the per-run distributions, the model, options and testbed.
 */
import { quantileSubsample, sortSamples } from '../stats/index.js'
import { metricValues } from '../compare/metrics.js'
import type { BaselineEntry, Better, ProfileResult, Testbed } from '../types/index.js'
import { normalizeForBaseline } from './format.js'

/** At most this many samples per distribution are stored (a quantile subsample beyond it). */
export const MAX_STORED_SAMPLES = 200

export function entryFromProfile(result: ProfileResult, test: string): BaselineEntry {
  return normalizeForBaseline<BaselineEntry>({
    test,
    kind: 'profile',
    metrics: metricValues(result),
    samples: {
      latency: quantileSubsample(sortSamples(result.samples.latency), MAX_STORED_SAMPLES),
      cpu: quantileSubsample(sortSamples(result.samples.cpu), MAX_STORED_SAMPLES),
    },
    runs: result.latency.n,
    model: result.model,
    options: result.options,
    testbed: result.testbed,
    opProfile: result.opProfile,
  })
}

export function entryFromValue(value: number, better: Better, test: string, testbed: Testbed): BaselineEntry {
  return normalizeForBaseline<BaselineEntry>({ test, kind: 'value', metrics: { value }, better, samples: {}, testbed })
}

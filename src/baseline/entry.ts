/**
 * Builds baseline entries from what a test measured: the metrics, a bounded
 * sorted subsample of the per-run distributions (slice means, which keep the
 * mean), the model, options and testbed.
 */
import { sliceMeans, sortSamples, summarize } from '../stats/index.js'
import { metricValues } from '../metrics/catalogue.js'
import { generationMetricValues } from '../metrics/generation-metrics.js'
import { pooledItl, tpotSamples } from '../metrics/token-timings.js'
import type { BaselineEntry, Better, GenerationResult, ProfileResult, Testbed } from '../types/index.js'
import { normalizeForBaseline } from './format.js'

/** At most this many samples per distribution are stored (beyond it, the means of as many equal-count slices: their mean is the runs' mean). */
export const MAX_STORED_SAMPLES = 200

export function entryFromProfile(result: ProfileResult, test: string): BaselineEntry {
  return normalizeForBaseline<BaselineEntry>({
    test,
    kind: 'profile',
    metrics: metricValues(result),
    samples: {
      latency: sliceMeans(sortSamples(result.samples.latency), MAX_STORED_SAMPLES),
      cpu: sliceMeans(sortSamples(result.samples.cpu), MAX_STORED_SAMPLES),
    },
    runs: result.latency.n,
    model: result.model,
    options: result.options,
    testbed: result.testbed,
    opProfile: result.opProfile,
    calibration: result.calibration,
    disturbance: result.disturbance,
  })
}

export function entryFromValue(value: number, better: Better, test: string, testbed: Testbed): BaselineEntry {
  return normalizeForBaseline<BaselineEntry>({ test, kind: 'value', metrics: { value }, better, samples: {}, testbed })
}

/**
 * An entry from per-run times alone (a `vitest bench` task): latency
 * distribution metrics and throughput from the samples, in ms.
 */
export function entryFromSamples(latencyMs: readonly number[], test: string, testbed: Testbed, options: Record<string, unknown> = {}): BaselineEntry {
  const s = summarize(latencyMs)
  return normalizeForBaseline<BaselineEntry>({
    test,
    kind: 'profile',
    metrics: {
      'latency.mean': s.mean,
      'latency.p50': s.p50,
      'latency.p90': s.p90,
      'latency.p95': s.p95,
      'latency.p99': s.p99,
      throughput: s.mean > 0 ? 1000 / s.mean : 0,
    },
    samples: { latency: sliceMeans(sortSamples(latencyMs), MAX_STORED_SAMPLES) },
    runs: s.n,
    options,
    testbed,
  })
}

/** A generation result's entry: its metrics and the per-request samples behind TTFT, TPOT, ITL, E2E and tokens/s. */
export function entryFromGeneration(result: GenerationResult, test: string): BaselineEntry {
  const stored = (xs: readonly number[]) => sliceMeans(sortSamples(xs), MAX_STORED_SAMPLES)
  const r = result.requests
  return normalizeForBaseline<BaselineEntry>({
    test,
    kind: 'generation',
    metrics: generationMetricValues(result),
    samples: {
      ttft: stored(r.map((x) => x.ttftMs)),
      tpot: stored(tpotSamples(r)),
      itl: stored(pooledItl(r)),
      e2e: stored(r.map((x) => x.e2eMs)),
      tokensPerSecond: stored(r.map((x) => x.tokensPerSecond)),
    },
    runs: r.length,
    model: result.model,
    options: result.options,
    testbed: result.testbed,
    calibration: result.calibration,
    disturbance: result.disturbance,
  })
}

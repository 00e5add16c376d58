/**
 * How one variant of a model compares with the reference: ratios
 * (variant / reference) with percentile-bootstrap confidence intervals.
 *
 * - latency: ratio of median per-run latencies (below 1: faster), with the
 *   two-sided Mann-Whitney p-value of the two samples;
 * - throughput: ratio of runs per second = mean latency of the reference /
 *   mean latency of the variant (above 1: faster);
 * - memory (peak minus before load) and load time: ratios of medians over the
 *   fresh-process samples (a handful, so the intervals are wide);
 * - file size: exact.
 *
 * A ratio's verdict is `lower` or `higher` when its whole interval lies on one
 * side of 1, else `same`. Deterministic: the bootstrap has a fixed seed.
 */
import { bootstrapRatioCI, mannWhitneyU, mean, percentile, type SortedSamples } from '../stats/index.js'
import type { RatioEstimate, VariantRatios, VariantResult } from '../types/index.js'

/** Fewer samples than this per side: no rank test (see MIN_SAMPLES_FOR_TEST in compare-entry). */
const MIN_SAMPLES_FOR_P = 8

export const median = (s: SortedSamples): number => percentile(s, 50)

function verdictOf(low: number, high: number): RatioEstimate['verdict'] {
  return high < 1 ? 'lower' : low > 1 ? 'higher' : 'same'
}

/** statistic(numerator) / statistic(denominator) with its interval. */
export function ratioEstimate(
  numerator: readonly number[],
  denominator: readonly number[],
  statistic: (s: SortedSamples) => number,
  confidence: number,
  withPValue = false,
): RatioEstimate {
  const { ratio, low, high } = bootstrapRatioCI(denominator, numerator, statistic, { confidence, seed: 1 })
  const n = Math.min(numerator.length, denominator.length)
  const out: RatioEstimate = { ratio, low, high, n, verdict: verdictOf(low, high) }
  if (withPValue && n >= MIN_SAMPLES_FOR_P) out.pValue = mannWhitneyU(numerator, denominator).pValue
  return out
}

/** An exact ratio (no sampling), e.g. file sizes. */
export function exactRatio(numerator: number, denominator: number): RatioEstimate {
  const ratio = numerator / denominator
  return { ratio, low: ratio, high: ratio, n: 0, verdict: ratio < 1 ? 'lower' : ratio > 1 ? 'higher' : 'same' }
}

const x = (r: number) => `${r.toPrecision(3)}x`

/** `p=0.012`, or `p<0.0001` below that (the normal approximation's tail is no more precise). */
export function formatP(p: number): string {
  return p < 0.0001 ? 'p<0.0001' : `p=${p.toPrecision(2)}`
}
const ci = (e: RatioEstimate, confidence: number) => `${Math.round(confidence * 100)}% CI ${x(e.low)}-${x(e.high)}`

/** The one-line verdict of a comparison; faster or slower means the median latency's interval lies below or above 1. */
export function verdictLine(v: Omit<VariantRatios, 'verdict'>, confidence: number): string {
  const lat = `median latency ${x(v.latency.ratio)} (${ci(v.latency, confidence)}${v.latency.pValue !== undefined ? `, ${formatP(v.latency.pValue)}` : ''})`
  const speed =
    v.latency.verdict === 'lower'
      ? `${v.variant} is faster than ${v.reference}: ${lat}`
      : v.latency.verdict === 'higher'
        ? `${v.variant} is slower than ${v.reference}: ${lat}`
        : `${v.variant} and ${v.reference} differ by no more than the noise: ${lat}`
  const memory = v.memory ? `; memory ${x(v.memory.ratio)} (${ci(v.memory, confidence)})` : ''
  return `${speed}; throughput ${x(v.throughput.ratio)} (${ci(v.throughput, confidence)})${memory}; load time ${x(v.loadMs.ratio)}; file size ${x(v.fileSize.ratio)}`
}

/** Every ratio of `variant` against `reference`. */
export function variantRatios(reference: VariantResult, variant: VariantResult, confidence: number): VariantRatios {
  const mem = reference.processSamples.peakDeltaMB.every((m) => m > 0) && variant.processSamples.peakDeltaMB.length > 0
  const base: Omit<VariantRatios, 'verdict'> = {
    variant: variant.variant,
    reference: reference.variant,
    latency: ratioEstimate(variant.samples.latency, reference.samples.latency, median, confidence, true),
    // runs per second are 1000 / mean latency, so their ratio is the reference's mean over the variant's
    throughput: ratioEstimate(reference.samples.latency, variant.samples.latency, mean, confidence, true),
    memory: mem ? ratioEstimate(variant.processSamples.peakDeltaMB, reference.processSamples.peakDeltaMB, median, confidence) : null,
    loadMs: ratioEstimate(variant.processSamples.loadMs, reference.processSamples.loadMs, median, confidence),
    fileSize: exactRatio(variant.model?.bytes ?? NaN, reference.model?.bytes ?? NaN),
  }
  return { ...base, verdict: verdictLine(base, confidence) }
}

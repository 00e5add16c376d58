/**
 * What a comparison's timing rows compare: the basis. Pure.
 *
 * A single-threaded onnxruntime session on the CPU (intraOpNumThreads 1)
 * computes on one thread at a time, so the process's CPU time per run equals
 * the run's wall time on an idle core, and unlike the wall time it does not
 * grow while the run waits for a core. Measured on the project's 2-core
 * machine (bench/gate-quality, the classifier at 128x128 with the CI
 * settings): beside two CPU-bound processes the wall-time median of an
 * unchanged model moved by tens of percent between measurements while its
 * CPU-time median moved by a few (README / docs: "Gate quality, measured").
 * So where both entries come from such sessions and carry CPU-time samples,
 * every timing row backed by per-run wall times (latency percentiles, mean,
 * throughput) is compared on the CPU times instead: `basis: 'cpu'`.
 *
 * Everything else keeps the wall time (`basis: 'wall'`): sessions with more
 * threads (CPU time adds up over threads and counts their spinning), GPU
 * providers, function profiles (whose waits are part of what they measure),
 * generation (per-request times), and entries recorded without CPU samples.
 */
import type { BaselineEntry, SampleSet } from '../types/index.js'

export type Basis = 'wall' | 'cpu'

/** Fewer CPU samples than this on either side: no CPU basis (the rank test needs as many). */
export const MIN_CPU_SAMPLES = 8

/** The entry was measured by an onnxruntime session with one intra-op thread on the CPU provider. */
export function singleThreadedCpuSession(entry: BaselineEntry): boolean {
  const t = entry.testbed
  return entry.kind === 'profile' && t.onnxruntime !== 'none' && t.intraOpNumThreads === 1 && t.executionProviders.every((p) => p === 'cpu')
}

/** The basis two entries are compared on. */
export function comparisonBasis(baseline: BaselineEntry, current: BaselineEntry): Basis {
  const enough = (e: BaselineEntry) => (e.samples.cpu?.length ?? 0) >= MIN_CPU_SAMPLES
  return singleThreadedCpuSession(baseline) && singleThreadedCpuSession(current) && enough(baseline) && enough(current) ? 'cpu' : 'wall'
}

/** The sample set a metric backed by `samples` is compared on under `basis`: wall latencies become CPU times. */
export function basisSamples(samples: keyof SampleSet, basis: Basis): keyof SampleSet {
  return basis === 'cpu' && samples === 'latency' ? 'cpu' : samples
}

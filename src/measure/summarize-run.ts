/** Turns raw loop samples into a result's distributions and throughput. */
import { summarize } from '../stats/index.js'
import type { Distribution, ProfileResult } from '../types/index.js'
import type { LoopSamples } from './run-loop.js'

export function distribution(samples: readonly number[]): Distribution {
  const s = summarize(samples)
  return { n: s.n, mean: s.mean, sd: s.sd, min: s.min, max: s.max, p50: s.p50, p90: s.p90, p95: s.p95, p99: s.p99, cv: s.cv }
}

export function runFigures(
  loop: LoopSamples,
  batchSize: number,
): Pick<ProfileResult, 'latency' | 'cpu' | 'throughput' | 'samples' | 'warmupRuns' | 'sampling'> {
  const latency = distribution(loop.latency)
  const runsPerSecond = latency.mean > 0 ? 1000 / latency.mean : 0
  return {
    warmupRuns: loop.warmupRuns,
    latency,
    cpu: distribution(loop.cpu),
    throughput: { runsPerSecond, samplesPerSecond: runsPerSecond * batchSize, batchSize },
    samples: { latency: loop.latency, cpu: loop.cpu },
    sampling: { runs: loop.latency.length, stoppedBy: loop.stoppedBy, medianHalfWidth: loop.medianHalfWidth },
  }
}

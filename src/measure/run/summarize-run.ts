/** Turns raw loop samples into a result's distributions and throughput. */
import { summarize } from '../../stats/index.js'
import type { Distribution, ProfileResult } from '../../types/index.js'
import type { LoopSamples } from './run-loop.js'

/** The distribution figures of per-run samples (see the stats layer for the definitions). */
export function distribution(samples: readonly number[]): Distribution {
  return summarize(samples)
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

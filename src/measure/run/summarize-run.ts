/** Turns raw loop samples into a result's distributions and throughput. */
import { summarize } from '../../stats/index.js'
import type { ProfileResult } from '../../types/index.js'
import type { LoopSamples } from './run-loop.js'

export function runFigures(
  loop: Pick<LoopSamples, 'warmupRuns' | 'latency' | 'cpu' | 'stoppedBy' | 'medianHalfWidth'> & { cpuEvery?: number },
  batchSize: number,
): Pick<ProfileResult, 'latency' | 'cpu' | 'throughput' | 'samples' | 'warmupRuns' | 'sampling'> {
  const latency = summarize(loop.latency)
  const runsPerSecond = latency.mean > 0 ? 1000 / latency.mean : 0
  return {
    warmupRuns: loop.warmupRuns,
    latency,
    cpu: summarize(loop.cpu),
    throughput: { runsPerSecond, samplesPerSecond: runsPerSecond * batchSize, batchSize },
    samples: { latency: loop.latency, cpu: loop.cpu },
    sampling: {
      runs: loop.latency.length,
      stoppedBy: loop.stoppedBy,
      medianHalfWidth: loop.medianHalfWidth,
      ...(loop.cpuEvery !== undefined && loop.cpuEvery > 1 ? { cpuEvery: loop.cpuEvery } : {}),
    },
  }
}

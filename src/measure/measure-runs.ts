/**
 * What `profile()` does with a run function once it is ready to call, for
 * models and functions alike: the first run timed on its own, then the
 * measuring loop, with peak memory tracked over the measured runs.
 */
import { PeakMemory } from './memory.js'
import type { ResolvedLoop } from './options.js'
import { runLoop, type LoopSamples } from './run-loop.js'

export interface MeasuredRuns {
  firstRunMs: number
  samples: LoopSamples
  peakRssMB: number
  peakSource: PeakMemory['source']
}

export async function measureRuns(run: () => Promise<unknown>, loop: ResolvedLoop): Promise<MeasuredRuns> {
  const f0 = performance.now()
  await run()
  const firstRunMs = performance.now() - f0
  let peak = new PeakMemory()
  const samples = await runLoop(
    run,
    { warmup: loop.warmup, warmupTimeMs: loop.warmupTimeMs, runs: loop.runs, minTimeMs: loop.minTimeMs, maxRuns: loop.maxRuns, adaptive: loop.adaptive },
    { beforeMeasured: () => (peak = new PeakMemory()), afterRun: () => peak.sample() },
  )
  return { firstRunMs, samples, peakRssMB: peak.peak(), peakSource: peak.source }
}

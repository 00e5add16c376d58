/**
 * What `profile()` does with a run function once it is ready to call, for
 * models and functions alike: the first run timed on its own, then the
 * measuring loop, with peak memory tracked over the measured runs.
 */
import { runnableLoad, runQueueWaitMs, usableCores } from './contention-probe.js'
import type { SessionEvidence } from './disturbance.js'
import { PeakMemory } from './memory.js'
import type { ResolvedLoop } from './options.js'
import { medianHalfWidth, runLoop, type LoopSamples } from './run-loop.js'

export interface MeasuredRuns {
  firstRunMs: number
  samples: LoopSamples
  peakRssMB: number
  peakSource: PeakMemory['source']
  /** The contention seen around the measured runs (read at their start and end only). */
  contention: SessionEvidence
}

export async function measureRuns(run: () => Promise<unknown>, loop: ResolvedLoop): Promise<MeasuredRuns> {
  const f0 = performance.now()
  await run()
  const firstRunMs = performance.now() - f0
  let peak = new PeakMemory()
  // where the kernel keeps the high-water mark, sampling between runs does nothing: no per-run hook then,
  // which spares the loop a call and a CPU-time read per run
  const afterRun = peak.source === 'sampled' ? () => peak.sample() : undefined
  let start = { wall: 0, wait: undefined as number | undefined, load: 0 }
  const samples = await runLoop(
    run,
    { warmup: loop.warmup, warmupTimeMs: loop.warmupTimeMs, runs: loop.runs, minTimeMs: loop.minTimeMs, maxRuns: loop.maxRuns, adaptive: loop.adaptive },
    {
      beforeMeasured: () => {
        peak = new PeakMemory()
        start = { load: runnableLoad(), wait: runQueueWaitMs(), wall: performance.now() }
      },
      afterRun,
    },
  )
  const wallMs = performance.now() - start.wall
  const wait = runQueueWaitMs()
  const contention: SessionEvidence = {
    wallMs,
    ...(start.wait !== undefined && wait !== undefined ? { runQueueWaitMs: Math.max(0, wait - start.wait) } : {}),
    load: { cores: usableCores(), start: start.load, end: runnableLoad() },
  }
  return { firstRunMs, samples, peakRssMB: peak.peak(), peakSource: peak.source, contention }
}

const STOP_PRECEDENCE: readonly LoopSamples['stoppedBy'][] = ['budget', 'maxRuns', 'minTime', 'runs', 'precision']

/**
 * The runs of several sessions as one measurement: the samples in order; the first session's first
 * run and peak memory (later sessions start after earlier ones, and any reference block, released
 * memory the allocator may keep, so only the first measures the model's footprint from a clean start);
 * the contention pooled (see poolContention);
 * CPU time read as sparsely as the sparsest session read it; stopped by the weakest reason any session had (budget before maxRuns before minTime before runs before precision),
 * with the pooled samples' own median half-width.
 */
export function poolMeasuredRuns(list: readonly MeasuredRuns[]): MeasuredRuns {
  const first = list[0]
  if (!first) throw new Error('poolMeasuredRuns: no sessions')
  if (list.length === 1) return first
  const latency = list.flatMap((m) => m.samples.latency)
  return {
    firstRunMs: first.firstRunMs,
    samples: {
      warmupRuns: list.reduce((a, m) => a + m.samples.warmupRuns, 0),
      latency,
      cpu: list.flatMap((m) => m.samples.cpu),
      switches: list.flatMap((m) => m.samples.switches),
      cpuWall: list.flatMap((m) => m.samples.cpuWall),
      cpuEvery: Math.max(...list.map((m) => m.samples.cpuEvery)),
      stoppedBy: STOP_PRECEDENCE.find((s) => list.some((m) => m.samples.stoppedBy === s)) ?? first.samples.stoppedBy,
      medianHalfWidth: medianHalfWidth(latency),
    },
    peakRssMB: first.peakRssMB,
    peakSource: first.peakSource,
    contention: poolContention(list.map((m) => m.contention)),
  }
}

/** The contention of several sessions as one: wall time and run-queue wait summed (unknown if any is), the first start's load and the last end's. */
export function poolContention(list: readonly SessionEvidence[]): SessionEvidence {
  const waits = list.map((c) => c.runQueueWaitMs)
  const first = list[0]?.load
  const last = list[list.length - 1]?.load
  return {
    wallMs: list.reduce((a, c) => a + c.wallMs, 0),
    ...(waits.every((w) => w !== undefined) ? { runQueueWaitMs: waits.reduce((a, w) => a + w, 0) } : {}),
    ...(first && last ? { load: { cores: first.cores, start: first.start, end: last.end } } : {}),
  }
}

/**
 * The measuring loop: warm-up by count and/or time, then measured runs until
 * both a minimum count and a minimum time are met; in adaptive mode it goes on
 * until the median's confidence interval is narrow enough or the time budget
 * is spent. Each measured run records wall time around the call only and the
 * process CPU time it used (read once per edge between runs, so a sample also
 * holds the loop's own bookkeeping since the previous run: well under a
 * microsecond, where one more read would cost about one). The read is
 * `process.resourceUsage()`, which costs what `process.cpuUsage()` does
 * (both about 1-1.5 µs here: one getrusage call) and also gives the
 * involuntary context switches, the per-run evidence of a disturbed run.
 */
import { isSorted, medianInterval, percentile, relativeHalfWidth } from '../../stats/index.js'

export interface LoopOptions {
  /** Warm-up runs (after the first run). */
  warmup: number
  /** Keep warming up until this much time has passed, ms. */
  warmupTimeMs: number
  /** Minimum measured runs. */
  runs: number
  /** Minimum measured time, ms (sum of run times). */
  minTimeMs: number
  /** Stop measuring after this many runs even if minTimeMs is not met. */
  maxRuns: number
  /** Adaptive mode: go on until the median's 99% interval is within ±precision (relative), or maxTimeMs has passed. */
  adaptive?: { precision: number; maxTimeMs: number }
}

export interface LoopSamples {
  warmupRuns: number
  latency: number[]
  cpu: number[]
  /** Involuntary context switches of the process during each run (between the same reads as `cpu`). */
  switches: number[]
  /** Why measuring stopped: `runs` when the count was met last, `minTime` when the time was (it set the count). */
  stoppedBy: 'runs' | 'minTime' | 'precision' | 'budget' | 'maxRuns'
  /** Relative half-width of the median's 99% interval at the end. */
  medianHalfWidth: number
}

export interface LoopHooks {
  /** Called once between warm-up and the measured runs (e.g. to reset the memory high-water mark). */
  beforeMeasured?: () => void
  /** Called after each measured run, outside its timers (and outside its CPU time: the loop reads the CPU clock again after it). */
  afterRun?: () => void
}

/**
 * Relative half-width of the median's 99% interval: the samples' own noise.
 * Sorted as a Float64Array (a native numeric sort, about three times faster
 * than Array#sort with a comparator): the adaptive loop calls this at
 * geometrically spaced counts, which adds up to about ten sorts of the final
 * sample count, and a profile at 25 µs per run holds 40,000 samples.
 */
export function medianHalfWidth(samples: readonly number[]): number {
  const sorted = Array.from(Float64Array.from(samples).sort())
  // isSorted also refuses NaN and ±Infinity, as sortSamples would
  if (!isSorted(sorted)) throw new TypeError('medianHalfWidth: every sample must be a finite number')
  return relativeHalfWidth(medianInterval(sorted), percentile(sorted, 50))
}

/** What the loop reads of the process's resource usage: CPU time in µs and the involuntary context switches so far. */
export type UsageRead = Pick<NodeJS.ResourceUsage, 'userCPUTime' | 'systemCPUTime' | 'involuntaryContextSwitches'>

/** The loop's clocks: wall time, ms, and the process's resource usage (a seam for tests; profiles use the system's). */
export interface LoopClocks {
  wall: () => number
  usage: () => UsageRead
}

const SYSTEM_CLOCKS: LoopClocks = { wall: () => performance.now(), usage: process.resourceUsage }

export async function runLoop(run: () => Promise<unknown>, opts: LoopOptions, hooks: LoopHooks = {}, clocks: LoopClocks = SYSTEM_CLOCKS): Promise<LoopSamples> {
  const now = clocks.wall
  const usageNow = clocks.usage
  let warmupRuns = 0
  const warmStart = now()
  while (warmupRuns < opts.warmup || now() - warmStart < opts.warmupTimeMs) {
    await run()
    warmupRuns++
  }
  hooks.beforeMeasured?.()
  const afterRun = hooks.afterRun
  const latency: number[] = []
  const cpu: number[] = []
  const switches: number[] = []
  let measured = 0
  const started = now()
  let nextCheck = opts.runs
  // one usage read per edge between runs (each read is a getrusage call, the costliest thing here): a run's
  // CPU time runs from the read after the previous run to the read after it, which adds only this loop's
  // bookkeeping; after anything costlier (the adaptive check's sort) the edge is read again
  let edge = usageNow()
  for (;;) {
    const n = latency.length
    if (n >= opts.maxRuns) return done('maxRuns')
    if (n >= opts.runs && measured >= opts.minTimeMs) {
      // past `runs` only because minTime was not met yet: then time set the count
      if (!opts.adaptive) return done(n > opts.runs ? 'minTime' : 'runs')
      if (now() - started >= opts.adaptive.maxTimeMs) return done('budget')
      // checking costs a sort: do it at geometrically spaced counts, outside any timer
      if (n >= nextCheck) {
        if (medianHalfWidth(latency) <= opts.adaptive.precision) return done('precision')
        nextCheck = Math.ceil(n * 1.1)
        edge = usageNow()
      }
    }
    const t0 = now()
    await run()
    const t1 = now()
    const u1 = usageNow()
    latency.push(t1 - t0)
    cpu.push((u1.userCPUTime + u1.systemCPUTime - edge.userCPUTime - edge.systemCPUTime) / 1000)
    switches.push(u1.involuntaryContextSwitches - edge.involuntaryContextSwitches)
    edge = u1
    measured += t1 - t0
    if (afterRun) {
      afterRun()
      edge = usageNow()
    }
  }

  function done(stoppedBy: LoopSamples['stoppedBy']): LoopSamples {
    return { warmupRuns, latency, cpu, switches, stoppedBy, medianHalfWidth: latency.length > 0 ? medianHalfWidth(latency) : Infinity }
  }
}

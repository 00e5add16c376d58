/**
 * The measuring loop: warm-up by count and/or time, then measured runs until
 * both a minimum count and a minimum time are met; in adaptive mode it goes on
 * until the median's confidence interval is narrow enough or the time budget
 * is spent. Each measured run records wall time around the call only. The
 * process CPU time a run used comes from `process.resourceUsage()` (one
 * getrusage call, which also gives the involuntary context switches, the
 * per-run evidence of a disturbed run), read once per edge between runs, so a
 * sample also holds the loop's own bookkeeping since the previous run.
 *
 * That read costs about 1-2 µs right after a run here, 5% of a 25 µs run. So
 * where the warm-up shows the read costing more than CPU_READ_BUDGET of a run,
 * the CPU time is read on every `cpuEvery`-th measured run only, from the
 * first (read just before and just after it): the samples stay per-run CPU
 * times, there are fewer of them, and the reads cost at most that budget. The
 * stride leaves at least `runs` reads in the runs the warm-up plans for, and
 * the reads are spread evenly over the measured runs: the first measured runs
 * are still warming up (6% to 38% slower here), so CPU samples taken mostly
 * from them would not describe the same runs as the wall times. Wall time is
 * taken on every run.
 */
import { isSorted, medianInterval, percentile, relativeHalfWidth, sortSamples } from '../../stats/index.js'

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
  /** CPU time of the runs with a CPU-time read (every run, or see `cpuEvery`), in order. */
  cpu: number[]
  /** Involuntary context switches of the process during each of those runs (between the same reads as `cpu`). */
  switches: number[]
  /** Wall time of the same runs as `cpu` (for per-run evidence that sets one against the other). */
  cpuWall: number[]
  /** The CPU time was read on every `cpuEvery`-th measured run, from the first (1: on every run). */
  cpuEvery: number
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

/** Most of a run's time the CPU-time reads may take, on average: above it they skip runs (see the header). */
export const CPU_READ_BUDGET = 0.005

/**
 * Read the CPU time on every how-many-th run so that the reads cost at most CPU_READ_BUDGET of a run: 1 (one
 * read per run, shared edges) when a read costs no more than that, else `m` with two reads per `m` runs, but
 * never so sparse that the `plannedRuns` hold fewer than `minReads` reads.
 * Inputs are the warm-up's median run and fastest read, ms; no warm-up figures: every run.
 */
export function cpuReadStride(runMs: number, readMs: number, plannedRuns = Infinity, minReads = 1): number {
  if (!(runMs > 0) || !(readMs > 0) || readMs <= CPU_READ_BUDGET * runMs) return 1
  const byBudget = Math.ceil((2 * readMs) / (CPU_READ_BUDGET * runMs))
  return Math.max(1, Math.min(byBudget, Math.floor(plannedRuns / Math.max(1, minReads))))
}

/** The measured runs the loop will make at `runMs` per run when nothing changes: the count, or what minTime asks for, up to maxRuns. */
function plannedRuns(opts: LoopOptions, runMs: number): number {
  return Math.min(opts.maxRuns, Math.max(opts.runs, Math.ceil(opts.minTimeMs / runMs)))
}

/** Warm-up by count and time; times each run and the CPU-time read after it, for cpuReadStride. */
async function warmUp(run: () => Promise<unknown>, opts: LoopOptions, clocks: LoopClocks): Promise<{ warmupRuns: number; cpuEvery: number }> {
  const now = clocks.wall
  const runs: number[] = []
  const reads: number[] = []
  const warmStart = now()
  while (runs.length < opts.warmup || now() - warmStart < opts.warmupTimeMs) {
    const t0 = now()
    await run()
    const t1 = now()
    clocks.usage()
    runs.push(t1 - t0)
    reads.push(now() - t1)
  }
  const runMs = runs.length > 0 ? percentile(sortSamples(runs), 50) : 0
  // the fastest read: the first reads are slow (a cold path), and a preempted one says nothing of its cost
  const readMs = reads.length > 0 ? Math.min(...reads) : 0
  return { warmupRuns: runs.length, cpuEvery: cpuReadStride(runMs, readMs, plannedRuns(opts, runMs), opts.runs) }
}

export async function runLoop(run: () => Promise<unknown>, opts: LoopOptions, hooks: LoopHooks = {}, clocks: LoopClocks = SYSTEM_CLOCKS): Promise<LoopSamples> {
  const now = clocks.wall
  const usageNow = clocks.usage
  const { warmupRuns, cpuEvery } = await warmUp(run, opts, clocks)
  hooks.beforeMeasured?.()
  const afterRun = hooks.afterRun
  const latency: number[] = []
  const cpu: number[] = []
  const switches: number[] = []
  // the measured runs whose CPU time is read: one in cpuEvery, from the first
  const readsCpu = (i: number) => i % cpuEvery === 0
  let measured = 0
  const started = now()
  let nextCheck = opts.runs
  // the CPU-time read before a run: shared with the end of the previous run where that was read and nothing
  // (a hook, the adaptive check's sort) came between; otherwise read just before the run that needs it
  let edge: UsageRead | undefined = usageNow()
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
        edge = undefined
      }
    }
    const read = readsCpu(n)
    if (read && !edge) edge = usageNow()
    const t0 = now()
    await run()
    const t1 = now()
    if (read) {
      const u1 = usageNow()
      cpu.push((u1.userCPUTime + u1.systemCPUTime - edge!.userCPUTime - edge!.systemCPUTime) / 1000)
      switches.push(u1.involuntaryContextSwitches - edge!.involuntaryContextSwitches)
      edge = u1
    } else edge = undefined
    latency.push(t1 - t0)
    measured += t1 - t0
    if (afterRun) {
      afterRun()
      edge = undefined
    }
  }

  function done(stoppedBy: LoopSamples['stoppedBy']): LoopSamples {
    // the wall times of the runs `cpu` holds, picked once at the end rather than copied in every run
    const cpuWall = cpuEvery === 1 ? latency : latency.filter((_, i) => readsCpu(i))
    return { warmupRuns, latency, cpu, switches, cpuWall, cpuEvery, stoppedBy, medianHalfWidth: latency.length > 0 ? medianHalfWidth(latency) : Infinity }
  }
}

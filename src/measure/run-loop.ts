/**
 * The measuring loop: warm-up by count and/or time, then measured runs until
 * both a minimum count and a minimum time are met; in adaptive mode it goes on
 * until the median's confidence interval is narrow enough or the time budget
 * is spent. Each measured run records wall time around the call only and the
 * process CPU time it used.
 */
import { medianInterval, percentile, relativeHalfWidth, sortSamples } from '../stats/index.js'
import { cpuTimeMs } from './cpu-time.js'

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
  /** Why measuring stopped. */
  stoppedBy: 'runs' | 'precision' | 'budget' | 'maxRuns'
  /** Relative half-width of the median's 99% interval at the end. */
  medianHalfWidth: number
}

export interface LoopHooks {
  /** Called once between warm-up and the measured runs (e.g. to reset the memory high-water mark). */
  beforeMeasured?: () => void
  /** Called after each measured run, outside its timers. */
  afterRun?: () => void
}

/** Relative half-width of the median's 99% interval: the samples' own noise. */
export function medianHalfWidth(samples: readonly number[]): number {
  const sorted = sortSamples(samples)
  return relativeHalfWidth(medianInterval(sorted), percentile(sorted, 50))
}

export async function runLoop(run: () => Promise<unknown>, opts: LoopOptions, hooks: LoopHooks = {}): Promise<LoopSamples> {
  let warmupRuns = 0
  const warmStart = performance.now()
  while (warmupRuns < opts.warmup || performance.now() - warmStart < opts.warmupTimeMs) {
    await run()
    warmupRuns++
  }
  hooks.beforeMeasured?.()
  const latency: number[] = []
  const cpu: number[] = []
  let measured = 0
  const started = performance.now()
  let nextCheck = opts.runs
  const minimumMet = () => latency.length >= opts.runs && measured >= opts.minTimeMs
  for (;;) {
    if (latency.length >= opts.maxRuns) return done('maxRuns')
    if (minimumMet()) {
      if (!opts.adaptive) return done('runs')
      if (performance.now() - started >= opts.adaptive.maxTimeMs) return done('budget')
      // checking costs a sort: do it at geometrically spaced counts, outside any timer
      if (latency.length >= nextCheck) {
        if (medianHalfWidth(latency) <= opts.adaptive.precision) return done('precision')
        nextCheck = Math.ceil(latency.length * 1.1)
      }
    }
    const c0 = cpuTimeMs()
    const t0 = performance.now()
    await run()
    const t1 = performance.now()
    const c1 = cpuTimeMs()
    latency.push(t1 - t0)
    cpu.push(c1 - c0)
    measured += t1 - t0
    hooks.afterRun?.()
  }

  function done(stoppedBy: LoopSamples['stoppedBy']): LoopSamples {
    return { warmupRuns, latency, cpu, stoppedBy, medianHalfWidth: latency.length > 0 ? medianHalfWidth(latency) : Infinity }
  }
}

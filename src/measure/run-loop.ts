/**
 * The measuring loop: warm-up by count and/or time, then measured runs until
 * both a minimum count and a minimum time are met. Each measured run records
 * wall time around the call only and the process CPU time it used.
 */
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
}

export interface LoopSamples {
  warmupRuns: number
  latency: number[]
  cpu: number[]
}

export interface LoopHooks {
  /** Called once between warm-up and the measured runs (e.g. to reset the memory high-water mark). */
  beforeMeasured?: () => void
  /** Called after each measured run, outside its timers. */
  afterRun?: () => void
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
  while (latency.length < opts.runs || (measured < opts.minTimeMs && latency.length < opts.maxRuns)) {
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
  return { warmupRuns, latency, cpu }
}

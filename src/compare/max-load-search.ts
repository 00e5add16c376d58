/**
 * The search for the most load a server sustains under the SLO: double the load (concurrency or offered
 * rate) from `start` while each level meets the SLO, then bisect between the last level that met it and
 * the first that did not. It stops growing early when a level runs away (its error rate above
 * `runawayErrorRate`, or its p95 latency more than `runawayLatencyFactor` times the first level's), so
 * that a search never drives a failing server further. The measuring is injected: pure decisions.
 */
import type { LoadLevel } from '../types/index.js'

export interface MaxLoadOptions {
  /** The first load tried. */
  start: number
  /** Concurrency levels are integers; offered rates need not be. */
  integer: boolean
  /** Most levels measured while doubling. @default 8 */
  maxDoublings?: number
  /** Most levels measured while bisecting. @default 3 */
  refineSteps?: number
  /** A level with a larger error rate ends the doubling. @default 0.5 */
  runawayErrorRate?: number
  /** A level whose p95 latency exceeds the first level's by this factor ends the doubling. @default 10 */
  runawayLatencyFactor?: number
}

export interface MaxLoadResult {
  /** Every load measured, in order, with its level. */
  steps: { load: number; level: LoadLevel }[]
  /** The largest load that met the SLO, or null when the first did not. */
  best: number | null
  /** Why the search ended, in words. */
  reason: string
}

export const MAX_LOAD_DEFAULTS = { maxDoublings: 8, refineSteps: 3, runawayErrorRate: 0.5, runawayLatencyFactor: 10 } as const

/** Why a level ends the doubling beyond its SLO verdict, or undefined. */
function runaway(level: LoadLevel, first: LoadLevel | undefined, o: Required<MaxLoadOptions>): string | undefined {
  if (level.errorRate > o.runawayErrorRate) return `error rate ${(level.errorRate * 100).toFixed(1)}% ran away`
  const p95 = level.latency?.p95
  const base = first?.latency?.p95
  if (p95 !== undefined && base !== undefined && base > 0 && p95 > o.runawayLatencyFactor * base) {
    return `p95 latency ran away (${(p95 / base).toFixed(1)}x the first level's)`
  }
  return undefined
}

export async function findMaxLoad(measure: (load: number) => Promise<LoadLevel>, options: MaxLoadOptions): Promise<MaxLoadResult> {
  const o: Required<MaxLoadOptions> = { ...MAX_LOAD_DEFAULTS, ...options }
  const steps: MaxLoadResult['steps'] = []
  const step = async (load: number) => {
    const level = await measure(load)
    steps.push({ load, level })
    return level
  }
  let good: number | null = null
  let bad: number | null = null
  let reason = `every level up to ${o.maxDoublings} doublings met the SLO`
  for (let load = o.start, i = 0; i < o.maxDoublings; i++, load *= 2) {
    const level = await step(load)
    const away = runaway(level, steps[0]?.level, o)
    if (level.meetsSlo && !away) {
      good = load
      continue
    }
    bad = load
    reason = away ?? `load ${load} missed the SLO (${level.sloViolations.join('; ')})`
    break
  }
  if (good === null || bad === null) return { steps, best: good, reason: good === null ? `the first load missed the SLO: ${reason}` : reason }
  let [lo, hi] = [good, bad]
  for (let i = 0; i < o.refineSteps; i++) {
    const mid: number = o.integer ? Math.floor((lo + hi) / 2) : (lo + hi) / 2
    if (mid <= lo) break
    const level = await step(mid)
    if (level.meetsSlo && !runaway(level, steps[0]?.level, o)) lo = mid
    else hi = mid
  }
  return { steps, best: lo, reason }
}

/**
 * Several measurements of one entry as one: what the gate decides on after it
 * measured again to confirm a regression or resolve an unresolved change
 * (vitest/confirm.ts). Pure.
 *
 * - Per-run samples are concatenated, each measurement's first put on the
 *   first one's machine speed where all carry a reference score (calibrate),
 *   so that the machine's drift between them is not taken for noise: wall
 *   times by the wall-time scores, CPU times by the CPU-time scores.
 * - A metric backed by samples is recomputed from the pooled samples.
 * - A figure without samples (memory, load time, first run) keeps the first
 *   measurement's value: later measurements run in a process that has loaded
 *   the model already (its memory high-water mark reached, its files cached),
 *   so their memory growth, load time and first run are not comparable.
 * - The disturbance evidence is summed; everything else is the first's.
 */
import { sortSamples } from '../stats/index.js'
import type { BaselineEntry, Disturbance, SampleSet } from '../types/index.js'
import { isMetricId, METRICS } from '../metrics/catalogue.js'
import { calibrated, calibrationBetween } from './calibration.js'

/**
 * `entry`'s samples put on `first`'s machine speed, where both carry a reference score of the same workload:
 * the comparison's own correction (calibration.ts), by the wall-time scores, with the CPU times by the
 * CPU-time scores.
 */
function onSpeedOf(first: BaselineEntry, entry: BaselineEntry): BaselineEntry {
  const wall = calibrationBetween(first, entry)
  if (!wall) return entry
  const out = calibrated(entry, wall.factor)
  const cpu = calibrationBetween(first, entry, 'cpu')
  if (cpu?.basis === 'cpu' && entry.samples.cpu) out.samples = { ...out.samples, cpu: entry.samples.cpu.map((x) => x * cpu.factor) }
  return out
}

function poolSamples(entries: readonly BaselineEntry[]): SampleSet {
  const out: SampleSet = {}
  for (const k of Object.keys(entries[0]!.samples) as (keyof SampleSet)[]) {
    if (entries.every((e) => e.samples[k])) out[k] = entries.flatMap((e) => e.samples[k]!)
  }
  return out
}

function poolDisturbance(list: readonly Disturbance[]): Disturbance {
  const runs = list.reduce((a, d) => a + d.runs, 0)
  const disturbedRuns = list.reduce((a, d) => a + d.disturbedRuns, 0)
  const waits = list.map((d) => d.runQueueWaitMs)
  const first = list[0]!
  const last = list[list.length - 1]!
  const order = first.reasons.concat(...list.map((d) => d.reasons))
  return {
    rule: first.rule,
    runs,
    disturbedRuns,
    share: runs > 0 ? disturbedRuns / runs : 0,
    involuntarySwitches: list.reduce((a, d) => a + d.involuntarySwitches, 0),
    ...(waits.every((w) => w !== undefined) ? { runQueueWaitMs: waits.reduce((a, w) => a + w, 0) } : {}),
    ...(first.load && last.load ? { load: { cores: first.load.cores, start: first.load.start, end: last.load.end } } : {}),
    reasons: [...new Set(order)],
  }
}

/** The pooled entry of one or more measurements of the same thing (the first's identity, testbed and options). */
export function poolEntries(entries: readonly BaselineEntry[]): BaselineEntry {
  const first = entries[0]
  if (!first) throw new Error('poolEntries: no entries')
  if (entries.length === 1) return first
  const onFirstSpeed = entries.map((e, i) => (i === 0 ? e : onSpeedOf(first, e)))
  const samples = poolSamples(onFirstSpeed)
  const metrics: Record<string, number> = {}
  for (const [id, value] of Object.entries(first.metrics)) {
    const def = isMetricId(id) ? METRICS.get(id) : undefined
    const pooled = def?.samples ? samples[def.samples] : undefined
    metrics[id] = def?.statistic && pooled && pooled.length > 0 ? def.statistic(sortSamples(pooled)) : value
  }
  const disturbances = entries.map((e) => e.disturbance)
  const pooled: BaselineEntry = { ...first, metrics, samples }
  if (first.runs !== undefined) pooled.runs = entries.reduce((a, e) => a + (e.runs ?? 0), 0)
  if (disturbances.every((d) => d !== undefined)) pooled.disturbance = poolDisturbance(disturbances)
  return pooled
}

/**
 * Several measurements of one entry as one: what the gate decides on after it
 * measured again to confirm a regression or resolve an unresolved change
 * (vitest/confirm.ts). Pure.
 *
 * - Per-run samples are concatenated, each measurement's first put on the
 *   measurements' mean machine speed where all carry a reference score
 *   (calibrate), so that the machine's drift between them is not taken for
 *   noise: wall times by the wall-time scores, CPU times by the CPU-time
 *   scores. The pooled entry carries the mean scores (geometric means): the
 *   reference's own noise is averaged over the measurements too.
 * - A metric backed by samples is recomputed from the pooled samples.
 * - A figure without samples (memory, load time, first run) keeps the first
 *   measurement's value: later measurements run in a process that has loaded
 *   the model already (its memory high-water mark reached, its files cached),
 *   so their memory growth, load time and first run are not comparable.
 * - The disturbance evidence is summed; everything else is the first's.
 * - `measurements` says how many samples each measurement added to each set,
 *   so that the gate can tell how much a statistic moves between measurements
 *   (compare/between-measurements.ts).
 */
import { sortSamples } from '../stats/index.js'
import type { BaselineEntry, Calibration, Disturbance, SampleSet } from '../types/index.js'
import { isMetricId, METRICS } from '../metrics/catalogue.js'
import { calibrated, calibrationBetween } from './calibration.js'

/**
 * The reference scores of the measurements' mean machine speed: the geometric mean of each score all of them
 * carry, undefined unless all carry a reference score of the same workload. Pooling on the mean speed
 * rather than the first measurement's averages the reference's own noise over the measurements too.
 */
function meanCalibration(entries: readonly BaselineEntry[]): Calibration | undefined {
  const cals = entries.map((e) => e.calibration)
  const first = cals[0]
  if (!first || cals.some((c) => !c || c.workload !== first.workload || !(c.scoreMs > 0))) return undefined
  const geo = (xs: number[]) => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length)
  const cpu = cals.map((c) => c!.cpuScoreMs)
  return {
    workload: first.workload,
    scoreMs: geo(cals.map((c) => c!.scoreMs)),
    runs: cals.reduce((a, c) => a + c!.runs, 0),
    ...(cpu.every((x) => x !== undefined && x > 0) ? { cpuScoreMs: geo(cpu as number[]) } : {}),
  }
}

/**
 * `entry`'s samples put on the machine speed of `target`'s reference scores: the comparison's own
 * correction (calibration.ts), by the wall-time scores, with the CPU times by the CPU-time scores.
 */
function onSpeedOf(target: Calibration, entry: BaselineEntry): BaselineEntry {
  const to = { ...entry, calibration: target }
  const wall = calibrationBetween(to, entry)
  if (!wall) return entry
  const out = calibrated(entry, wall.factor)
  const cpu = calibrationBetween(to, entry, 'cpu')
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

/** How many samples of each pooled set each measurement added, in order (an entry that pooled several already counts as those). */
function measurementSizes(entries: readonly BaselineEntry[], samples: SampleSet): NonNullable<BaselineEntry['measurements']> {
  const out: Record<string, number[]> = {}
  for (const k of Object.keys(samples) as (keyof SampleSet)[]) out[k] = entries.flatMap((e) => e.measurements?.[k] ?? [e.samples[k]!.length])
  return out as NonNullable<BaselineEntry['measurements']>
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
  const speed = meanCalibration(entries)
  const samples = poolSamples(speed ? entries.map((e) => onSpeedOf(speed, e)) : entries)
  const metrics: Record<string, number> = {}
  for (const [id, value] of Object.entries(first.metrics)) {
    const def = isMetricId(id) ? METRICS.get(id) : undefined
    const pooled = def?.samples ? samples[def.samples] : undefined
    metrics[id] = def?.statistic && pooled && pooled.length > 0 ? def.statistic(sortSamples(pooled)) : value
  }
  const disturbances = entries.map((e) => e.disturbance)
  const pooled: BaselineEntry = { ...first, metrics, samples, measurements: measurementSizes(entries, samples), ...(speed ? { calibration: speed } : {}) }
  if (first.runs !== undefined) pooled.runs = entries.reduce((a, e) => a + (e.runs ?? 0), 0)
  if (disturbances.every((d) => d !== undefined)) pooled.disturbance = poolDisturbance(disturbances)
  return pooled
}

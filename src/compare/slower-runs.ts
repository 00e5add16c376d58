/**
 * Changes that rest on the slower runs alone. Pure.
 *
 * A mean (throughput, latency.mean, cpu.mean) and a tail percentile (p90 and
 * above) move with the slowest runs, and the slowest runs move with what else
 * the machine does: garbage collections, interruptions, a busy core beside
 * the measurement. The repository's 0.25 ms decode step has about 120
 * garbage collections (340 ms) per profile and its CPU-time mean is 45% above
 * its median; beside one busy process its CPU-time p95 moved by +16% to +32%
 * and its throughput by -35% to -38% over unchanged runs, with its median
 * within +3%. A change of such a row beyond the tolerance is `unresolved`
 * (compare-entry.ts) when:
 *
 * - either measurement was taken on a busy machine (see busy: a session-wide
 *   sign of competing work, a runnable task beside perfgate, or 2% of the
 *   runs disturbed), and the median of the same runs moved within the
 *   tolerance; or
 * - for a mean, the runs without the slowest 5% of each side (those the p95
 *   row judges) moved within the tolerance.
 *
 * And on a machine busier than for the baseline a tail or a mean cannot be
 * surer than the median of the same runs: where the median's own row is
 * `unresolved` (its interval reaches back inside the tolerance), a tail or
 * mean row beyond it is `unresolved` too (settleOnTheMedian). Beside one
 * busy process, the decode step once read a CPU-time median of +20.4% [+5.5, +33.3] (unresolved) and a
 * throughput of -40.2% [-56.1, -19.5], which alone failed the run.
 *
 * A median can move with the load too: beside one busy process the decode
 * step's CPU-time median read +38% over its quiet baseline in two measurements
 * in a row (wall time +43%), and 3 of 6 fresh processes ran it 6% to 40%
 * slower, while the classifier's and the reference's medians moved by a few
 * percent. So against a baseline recorded on a quiet machine, a median that
 * regressed by less than CONTENTION_LIMIT on a busy one is `unresolved`
 * (busyAgainstQuiet): perfgate cannot tell that change from the load.
 */
import { percentile, sortSamples } from '../stats/index.js'
import type { BaselineEntry, Disturbance, MetricComparison } from '../types/index.js'
import { METRICS, type MetricDef } from '../metrics/catalogue.js'

/** The share of the slowest runs a mean's change must not rest on alone: those beyond the 95th percentile. */
export const SLOWEST_SHARE = 0.05

/** Fewer runs than this left on a side after dropping the slowest: no second look. */
const MIN_RUNS = 8

/** A measurement with at least this share of its runs disturbed was taken on a busy machine (quiet here: 0.5%; beside one busy process: 1% to 8%). */
export const BUSY_SHARE = 0.02

/**
 * A median slower than this (as a ratio) is a regression on a busy machine too: beyond what one or two busy
 * processes did to a CPU time per run here (+43% at most).
 */
export const CONTENTION_LIMIT = 2

/** Signs that other work competed for the cores: more runnable tasks than cores, or the process waited for a core. */
const BUSY_REASONS: readonly Disturbance['reasons'][number][] = ['load above cores', 'run-queue wait']

/** The note of an unresolved row when the change of `def` beyond `tolPct` rests on the slower runs alone; else undefined. */
export function onlyTheSlowerRuns(
  def: MetricDef,
  bs: readonly number[],
  cs: readonly number[],
  baseline: BaselineEntry,
  current: BaselineEntry,
  tolPct: number,
): string | undefined {
  if (!def.mean && !def.tail) return undefined
  if (busyNow(baseline, current)) {
    const median = change(bs, cs, (xs) => percentile(xs, 50))
    if (median !== undefined && Math.abs(median) <= tolPct) {
      return `the slower runs moved while the machine was busy (${busyText(baseline, current)}) but the median did not (${signedPct(median)}): measure on a quieter machine or widen it`
    }
  }
  if (!def.mean || !def.statistic) return undefined
  const trimmed = change(withoutSlowest(bs), withoutSlowest(cs), def.statistic)
  if (trimmed === undefined || Math.abs(trimmed) > tolPct) return undefined
  return `beyond the tolerance only through the slowest ${SLOWEST_SHARE * 100}% of runs (${signedPct(trimmed)} without them): pauses such as garbage collection; measure more runs or widen it`
}

/**
 * When the current measurement was taken on a busier machine than the baseline (see busierNow), a tail or mean row
 * beyond the tolerance whose runs' median row (the p50 row on the same basis) is `unresolved` becomes `unresolved`
 * too, with a note. Changes `rows` in place. Only busier: where both were measured as busy, contention weighs on
 * both sides, and a median that moved with the tails is more likely the code (bench/gate-quality --busy 2: with
 * this rule on any busy machine, 23% of +25% slowdowns were unresolved instead of caught).
 */
export function settleOnTheMedian(rows: MetricComparison[], baseline: BaselineEntry, current: BaselineEntry): void {
  if (!busierNow(baseline, current)) return
  for (const row of rows) {
    const def = METRICS.get(row.metric)
    if (!def || !(def.tail || def.mean) || (row.verdict !== 'regressed' && row.verdict !== 'improved')) continue
    const median = rows.find((r) => r.basis === row.basis && r.metric.endsWith('.p50') && r.verdict === 'unresolved')
    if (!median) continue
    row.verdict = 'unresolved'
    const moved = median.changePct === null ? '' : ` (${signedPct(median.changePct)})`
    row.note = `the slower runs moved while the machine was busy (${busyText(baseline, current)}) and the median is unresolved${moved}: measure on a quieter machine or widen it`
  }
}

/**
 * Where the baseline was recorded on a quiet machine and the current measurement on a busy one (both with
 * disturbance evidence), a median (p50) row that regressed by less than CONTENTION_LIMIT becomes `unresolved`, with
 * a note. Changes `rows` in place; call it before settleOnTheMedian, which then settles the tails and means on it.
 */
export function busyAgainstQuiet(rows: MetricComparison[], baseline: BaselineEntry, current: BaselineEntry): void {
  if (baseline.disturbance === undefined || busy(baseline) || !busy(current)) return
  for (const row of rows) {
    if (!row.metric.endsWith('.p50') || row.basis === undefined || row.verdict !== 'regressed') continue
    if (row.changePct === null || slowdown(row.changePct, row.better) >= CONTENTION_LIMIT) continue
    row.verdict = 'unresolved'
    row.note = `the median moved while the machine was busy (${busyText(baseline, current)}) against a baseline recorded on a quiet one: measure on a quieter machine, or record the baseline under the same load`
  }
}

/**
 * Either measurement was taken on a busy machine (busy). Both may have been: beside one busy process the
 * classifier's CPU-time p95 read +33% to +35% between unchanged measurements minutes apart, each side steady
 * within itself and both busy alike, with the median within 2%.
 */
function busyNow(baseline: BaselineEntry, current: BaselineEntry): boolean {
  return busy(current) || busy(baseline)
}

/**
 * The current measurement was taken on a busier machine than the baseline: a session-wide sign the baseline's
 * evidence lacks, at least one more runnable task beside perfgate, or at least BUSY_SHARE of the runs disturbed and
 * twice the baseline's share.
 */
function busierNow(baseline: BaselineEntry, current: BaselineEntry): boolean {
  if (busySigns(current).some((r) => !busySigns(baseline).includes(r))) return true
  if (competingTasks(current) >= competingTasks(baseline) + 1) return true
  const before = baseline.disturbance?.share ?? 0
  const now = current.disturbance?.share ?? 0
  return now >= BUSY_SHARE && now >= 2 * before
}

/**
 * A sign of competing work in a measurement's disturbance evidence: a session-wide sign (BUSY_REASONS), a runnable
 * task beside perfgate at the start or end of measuring (a process on the other core takes no core from perfgate,
 * but it shares the caches and the memory bus), or at least BUSY_SHARE of the runs disturbed.
 */
function busy(e: BaselineEntry): boolean {
  return e.disturbance !== undefined && (busySigns(e).length > 0 || competingTasks(e) >= 1 || e.disturbance.share >= BUSY_SHARE)
}

/** The session-wide signs of competing work (BUSY_REASONS) in a measurement's disturbance evidence. */
function busySigns(e: BaselineEntry): Disturbance['reasons'] {
  return BUSY_REASONS.filter((r) => e.disturbance?.reasons.includes(r))
}

/** The most runnable tasks seen beside perfgate at the start or end of measuring; 0 where the entry does not say. */
function competingTasks(e: BaselineEntry): number {
  const load = e.disturbance?.load
  return load ? Math.max(load.start, load.end) : 0
}

function busyText(baseline: BaselineEntry, current: BaselineEntry): string {
  const share = (e: BaselineEntry) => `${Math.round((e.disturbance?.share ?? 0) * 100)}%`
  const why: string[] = [...new Set([...busySigns(baseline), ...busySigns(current)])]
  const [before, now] = [competingTasks(baseline), competingTasks(current)]
  if (before + now > 0) why.push(`runnable tasks beside it ${before} -> ${now}`)
  return `disturbed runs ${share(baseline)} -> ${share(current)}${why.length > 0 ? `, ${why.join(', ')}` : ''}`
}

/** The runs without the slowest SLOWEST_SHARE (at least one), or undefined when too few would be left. */
function withoutSlowest(xs: readonly number[]): number[] | undefined {
  const sorted = sortSamples(xs)
  const keep = sorted.length - Math.max(1, Math.round(sorted.length * SLOWEST_SHARE))
  return keep >= MIN_RUNS ? sorted.slice(0, keep) : undefined
}

/** The change of `statistic` from `bs` to `cs`, in percent. */
function change(bs: readonly number[] | undefined, cs: readonly number[] | undefined, statistic: NonNullable<MetricDef['statistic']>): number | undefined {
  if (!bs || !cs) return undefined
  const b = statistic(sortSamples(bs))
  return b === 0 ? undefined : ((statistic(sortSamples(cs)) - b) / Math.abs(b)) * 100
}

/** How many times slower a change of `pct` percent is, for a figure where `better` is lower or higher. */
const slowdown = (pct: number, better: MetricComparison['better']) => (better === 'lower' ? 1 + pct / 100 : 100 / (100 + pct))

const signedPct = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}%`

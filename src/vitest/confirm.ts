/**
 * Confirming a verdict by measuring again: while the policy says so
 * (compare/confirm-policy.ts), the result is measured again by the call that
 * made it (measure/remeasure.ts) and the entry is decided on all measurements
 * pooled (compare/pool-entries.ts). A new or updated entry is recorded from as
 * many measurements as a verdict may use (1 + budget), pooled.
 */
import { measureAgain, type MeasurementVerdicts } from '../compare/confirm-policy.js'
import type { EntryDecision } from '../compare/decide-entry.js'
import { poolEntries } from '../compare/pool-entries.js'
import type { BaselineEntry, Confirmation, MetricVerdict } from '../types/index.js'

export interface Confirmed {
  decision: EntryDecision
  /** The entry decided on: the pooled one after more measurements. */
  current: BaselineEntry
  /** Present when perfgate measured again: the verdict on the pool after each measurement, and on each alone. */
  confirmation?: Confirmation
  /** Present when a new or updated entry was recorded from more than one measurement: how many were pooled. */
  recordedFrom?: number
}

/** The verdict a comparison decision carries, or undefined for a decision that compared nothing. */
export function comparedVerdict(decision: EntryDecision): MetricVerdict | undefined {
  return decision.reason.kind === 'compared' ? decision.reason.comparison.verdict : undefined
}

/** Whether a comparison decision has a borderline row (a worse change near the tolerance). */
function borderline(decision: EntryDecision): boolean {
  return decision.reason.kind === 'compared' && decision.reason.comparison.rows.some((r) => r.borderline)
}

/** The verdicts after the first measurement (alone and pooled are the same), or undefined for a decision that compared nothing. */
function firstVerdicts(first: EntryDecision): MeasurementVerdicts | undefined {
  const verdict = comparedVerdict(first)
  return verdict === undefined ? undefined : { alone: verdict, pooled: verdict, borderline: borderline(first) }
}

/** Decides the entry on a (pooled) current entry. */
type Decide = (current: BaselineEntry) => EntryDecision

/**
 * The first decision as it stands, or, when it calls for another measurement within `budget` and the
 * entry can be measured again (`again`), the decision after confirming it: a promise then.
 */
export function confirmed(
  first: EntryDecision,
  current: BaselineEntry,
  again: (() => Promise<BaselineEntry>) | undefined,
  decide: Decide,
  budget: number,
): Confirmed | Promise<Confirmed> {
  if (again && budget > 0 && (first.record.status === 'new' || first.record.status === 'updated')) return recordPooled(current, again, decide, budget)
  const verdicts = firstVerdicts(first)
  if (!again || !verdicts || !measureAgain([verdicts], budget)) return { decision: first, current }
  return confirmDecision(first, current, again, decide, budget)
}

/**
 * A new or updated entry, recorded from the first measurement and `budget` more, pooled: a baseline is
 * measured as often as a verdict against it may be, so that one disturbed or lucky measurement does not
 * become the number every later run is held to.
 */
async function recordPooled(current: BaselineEntry, again: () => Promise<BaselineEntry>, decide: Decide, budget: number): Promise<Confirmed> {
  const entries = [current]
  for (let i = 0; i < budget; i++) entries.push(await again())
  const pooled = poolEntries(entries)
  return { decision: decide(pooled), current: pooled, recordedFrom: entries.length }
}

export async function confirmDecision(
  first: EntryDecision,
  current: BaselineEntry,
  again: () => Promise<BaselineEntry>,
  decide: Decide,
  budget: number,
): Promise<Confirmed> {
  const entries = [current]
  const history: MeasurementVerdicts[] = [firstVerdicts(first)!]
  let decision = first
  let pooled = current
  while (measureAgain(history, budget)) {
    const next = await again()
    entries.push(next)
    pooled = poolEntries(entries)
    decision = decide(pooled)
    const p = comparedVerdict(decision)
    const alone = comparedVerdict(decide(next))
    if (p === undefined || alone === undefined) break
    history.push({ alone, pooled: p, borderline: borderline(decision) })
  }
  return {
    decision,
    current: pooled,
    confirmation: { measurements: entries.length, verdicts: history.map((h) => h.pooled), each: history.map((h) => h.alone) },
  }
}

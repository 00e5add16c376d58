/**
 * Confirming a verdict by measuring again: while the policy says so
 * (compare/confirm-policy.ts), the result is measured again by the call that
 * made it (measure/remeasure.ts) and the entry is decided on all measurements
 * pooled (compare/pool-entries.ts).
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
}

/** The verdict a comparison decision carries, or undefined for a decision that compared nothing. */
export function comparedVerdict(decision: EntryDecision): MetricVerdict | undefined {
  return decision.reason.kind === 'compared' ? decision.reason.comparison.verdict : undefined
}

/**
 * The first decision as it stands, or, when it calls for another measurement within `budget` and the
 * entry can be measured again (`again`), the decision after confirming it: a promise then.
 */
export function confirmed(
  first: EntryDecision,
  current: BaselineEntry,
  again: (() => Promise<BaselineEntry>) | undefined,
  decide: (current: BaselineEntry) => EntryDecision,
  budget: number,
): Confirmed | Promise<Confirmed> {
  const verdict = comparedVerdict(first)
  if (!again || verdict === undefined || !measureAgain([{ alone: verdict, pooled: verdict }], budget)) return { decision: first, current }
  return confirmDecision(first, current, again, decide, budget)
}

export async function confirmDecision(
  first: EntryDecision,
  current: BaselineEntry,
  again: () => Promise<BaselineEntry>,
  decide: (current: BaselineEntry) => EntryDecision,
  budget: number,
): Promise<Confirmed> {
  const entries = [current]
  const firstVerdict = comparedVerdict(first)!
  const history: MeasurementVerdicts[] = [{ alone: firstVerdict, pooled: firstVerdict }]
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
    history.push({ alone, pooled: p })
  }
  return {
    decision,
    current: pooled,
    confirmation: { measurements: entries.length, verdicts: history.map((h) => h.pooled), each: history.map((h) => h.alone) },
  }
}

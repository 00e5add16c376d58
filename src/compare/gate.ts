/**
 * The gate for one assertion, as a pure decision: given the stored entry (if
 * any), the current measurement and the update policy, what happens.
 *
 * - update `all`: the entry is (re)written and the assertion passes;
 * - no stored entry: recorded under `new`, a failure under `none` (CI);
 * - an entry of another server (`testbed.endpoint`: URL, model, fingerprint,
 *   Server header, API) than the current one: `endpoint-changed`, a failure, so
 *   that baselines of two servers are never compared;
 * - otherwise the comparison decides: a regression fails, anything else passes;
 *   a comparison that gated no metric is an error, never a pass.
 */
import type { BaselineEntry, EntryComparison, UpdateMode } from '../types/index.js'
import { perfgateError } from '../errors.js'
import { compareEntry, type CompareOptions } from './compare-entry.js'

export type GateOutcome =
  | { status: 'new' | 'updated'; pass: true }
  | { status: 'missing'; pass: false }
  | { status: 'kind-changed'; pass: false }
  | { status: 'endpoint-changed'; pass: false }
  | { status: EntryComparison['verdict']; pass: boolean; comparison: EntryComparison }

export function decideGate(stored: BaselineEntry | undefined, current: BaselineEntry, update: UpdateMode, opts: CompareOptions): GateOutcome {
  if (update === 'all') return { status: stored ? 'updated' : 'new', pass: true }
  if (!stored) return update === 'none' ? { status: 'missing', pass: false } : { status: 'new', pass: true }
  if (stored.kind !== current.kind) return { status: 'kind-changed', pass: false }
  if (endpointKey(stored) !== endpointKey(current)) return { status: 'endpoint-changed', pass: false }
  const comparison = compareEntry(stored, current, opts)
  if (comparison.rows.length === 0) throw perfgateError('GATE_NOTHING', { metrics: opts.metrics })
  return { status: comparison.verdict, pass: comparison.verdict !== 'regressed', comparison }
}

/** The server an entry measured, as one comparable string ('' for a local measurement). */
export function endpointKey(e: BaselineEntry): string {
  const id = e.testbed.endpoint
  if (!id) return ''
  return JSON.stringify(
    Object.keys(id)
      .sort()
      .map((k) => [k, id[k as keyof typeof id]]),
  )
}

/**
 * The gate's one decision for one entry, used by the matcher (tests, in the
 * worker) and by the benchmark reporter (`vitest bench`, in the main process)
 * alike, so the two cannot disagree. Pure: given the stored entry, the
 * current one, the update policy, the comparison options and the facts about
 * other testbeds, it returns whether the assertion passes, the fields of its
 * gate record, and why (for the message).
 *
 * - `new` / `updated` (decideGate): the entry is recorded; pass.
 * - `missing` (CI, no stored entry): fails, unless `missingTestbed: 'warn'`
 *   and another testbed has a baseline of this test file (this machine is new,
 *   not the test); the record stays `missing` either way, so the summary lists it.
 * - kind changed (a profile stored, a number asserted now): `regressed`, fails.
 * - another server than the stored entry's (endpoint results): `regressed`, fails; never compared.
 * - compared: the comparison's verdict; `regressed` fails, `unresolved` fails
 *   or passes as the `unresolved` policy says (the record keeps the policy, so
 *   the summary counts it either way), anything else passes. Its rows,
 *   testbed differences and machine-speed calibration go on the record.
 */
import type { BaselineEntry, CalibrationApplied, EntryComparison, GateRecord, MetricComparison, TestbedDifference, UpdateMode } from '../types/index.js'
import type { CompareOptions } from './compare-entry.js'
import { decideGate } from './gate.js'

/** What decides a missing entry in CI. */
export interface MissingTestbedFacts {
  /** The plugin's `missingTestbed` option. */
  policy: 'fail' | 'warn'
  /** Testbeds other than this one with a baseline of this test file; asked only for a missing entry (it reads the disk). */
  otherTestbeds: () => readonly string[]
}

export interface DecideEntryInput {
  stored: BaselineEntry | undefined
  current: BaselineEntry
  update: UpdateMode
  compare: CompareOptions
  missingTestbed: MissingTestbedFacts
  /** What an unresolved entry does: fail, or pass with a warning. */
  unresolved: 'fail' | 'warn'
}

/** The fields of a gate record the decision sets. */
export interface DecidedRecord {
  status: Exclude<GateRecord['status'], 'invalid'>
  entry?: BaselineEntry
  rows?: MetricComparison[]
  differences?: TestbedDifference[]
  calibration?: CalibrationApplied
  unresolvedPolicy?: 'fail' | 'warn'
}

/** Why, for the message. */
export type DecisionReason =
  | { kind: 'recorded' }
  | { kind: 'missing'; otherTestbeds: readonly string[] }
  | { kind: 'kind-changed'; stored: BaselineEntry['kind']; current: BaselineEntry['kind'] }
  | { kind: 'endpoint-changed'; stored: string; current: string }
  | { kind: 'compared'; comparison: EntryComparison }

export interface EntryDecision {
  pass: boolean
  record: DecidedRecord
  reason: DecisionReason
}

export function decideEntry(input: DecideEntryInput): EntryDecision {
  const { stored, current } = input
  const outcome = decideGate(stored, current, input.update, input.compare)
  switch (outcome.status) {
    case 'new':
    case 'updated':
      return { pass: true, record: { status: outcome.status, entry: current }, reason: { kind: 'recorded' } }
    case 'missing': {
      const otherTestbeds = input.missingTestbed.otherTestbeds()
      return {
        pass: input.missingTestbed.policy === 'warn' && otherTestbeds.length > 0,
        record: { status: 'missing' },
        reason: { kind: 'missing', otherTestbeds },
      }
    }
    case 'kind-changed':
      return { pass: false, record: { status: 'regressed' }, reason: { kind: 'kind-changed', stored: stored!.kind, current: current.kind } }
    case 'endpoint-changed':
      return { pass: false, record: { status: 'regressed' }, reason: { kind: 'endpoint-changed', stored: serverName(stored!), current: serverName(current) } }
    default: {
      const cmp = outcome.comparison
      const record: DecidedRecord = { status: outcome.status, rows: cmp.rows }
      if (cmp.differences.length > 0) record.differences = cmp.differences
      if (cmp.calibration) record.calibration = cmp.calibration
      if (outcome.status !== 'unresolved') return { pass: outcome.pass, record, reason: { kind: 'compared', comparison: cmp } }
      record.unresolvedPolicy = input.unresolved
      return { pass: input.unresolved === 'warn', record, reason: { kind: 'compared', comparison: cmp } }
    }
  }
}

/** A server as messages name it: URL, model, and what the server said about itself; `a local model` without one. */
function serverName(e: BaselineEntry): string {
  const id = e.testbed.endpoint
  if (!id) return 'a local model'
  const said = [id.servedModel && `serves ${id.servedModel}`, id.systemFingerprint && `fingerprint ${id.systemFingerprint}`, id.server && `Server ${id.server}`]
  return `${id.url} (${id.api}, model ${id.model}${said
    .filter(Boolean)
    .map((x) => `, ${x}`)
    .join('')})`
}

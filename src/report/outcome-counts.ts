/**
 * The counts a run's headline shows, in the terminal summary and the Markdown report alike. An entry
 * that improved, warned or stayed unresolved (under `unresolved: 'warn'`) passed the gate: it counts
 * as passed, and the brackets say how many of the passed did what (`3 passed (1 improved, 1 unresolved)`),
 * so a run that passed never reads "0 passed". An entry left unresolved under `unresolved: 'fail'`
 * failed its test: it is counted apart, after the regressed. Pure.
 */
import type { GateRecord } from '../types/index.js'

/** What the counts read of a gate record or a results-file entry. */
export type Outcome = Pick<GateRecord, 'status' | 'unresolvedPolicy'>

type Status = GateRecord['status']

/** Statuses that pass the gate, the plain pass first; the others are named in the brackets. */
const PASSING: readonly Status[] = ['pass', 'improved', 'warned', 'unresolved']

/** After passed and regressed, in this order, when not 0. */
const OTHERS: readonly [Status, string][] = [
  ['new', 'new'],
  ['updated', 'updated'],
  ['missing', 'missing'],
  ['invalid', 'with an invalid baseline'],
]

const failedUnresolved = (o: Outcome) => o.status === 'unresolved' && o.unresolvedPolicy === 'fail'
const passed = (o: Outcome) => PASSING.includes(o.status) && !failedUnresolved(o)

function countOf(outcomes: readonly Outcome[], status: Status): number {
  return outcomes.filter((o) => o.status === status && passed(o)).length
}

/** `3 passed (1 improved, 1 unresolved)`, or `2 passed` when every passed entry plainly passed. */
export function passedCount(outcomes: readonly Outcome[]): string {
  const detail = PASSING.slice(1)
    .map((s) => [s, countOf(outcomes, s)] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
  const n = outcomes.filter(passed).length
  return detail.length > 0 ? `${n} passed (${detail.join(', ')})` : `${n} passed`
}

/** `1 regressed`: always shown, 0 included. */
export function regressedCount(outcomes: readonly Outcome[]): string {
  return `${outcomes.filter((o) => o.status === 'regressed').length} regressed`
}

/** `1 unresolved (failed)`, `1 new`, `2 missing`, ...: the outcomes that are neither passed nor regressed, those that happened. */
export function otherCounts(outcomes: readonly Outcome[]): string[] {
  const failed = outcomes.filter(failedUnresolved).length
  return [
    ...(failed > 0 ? [`${failed} unresolved (failed)`] : []),
    ...OTHERS.map(([s, label]) => [outcomes.filter((o) => o.status === s).length, label] as const)
      .filter(([n]) => n > 0)
      .map(([n, label]) => `${n} ${label}`),
  ]
}

/** Whether any outcome failed its test: regressed, missing, an invalid baseline, or unresolved under `unresolved: 'fail'`. */
export function anyFailed(outcomes: readonly Outcome[]): boolean {
  return outcomes.some((o) => ['regressed', 'missing', 'invalid'].includes(o.status) || failedUnresolved(o))
}

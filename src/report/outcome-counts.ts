/**
 * The counts a run's headline shows, in the terminal summary and the Markdown report alike. An entry
 * that improved, warned or stayed unresolved passed the gate: it counts as passed, and the brackets
 * say how many of the passed did what (`3 passed (1 improved, 1 unresolved)`), so a run that passed
 * never reads "0 passed". Pure.
 */
import type { GateRecord } from '../types/index.js'

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

function countOf(statuses: readonly Status[], status: Status): number {
  return statuses.filter((s) => s === status).length
}

/** `3 passed (1 improved, 1 unresolved)`, or `2 passed` when every passed entry plainly passed. */
export function passedCount(statuses: readonly Status[]): string {
  const passed = statuses.filter((s) => PASSING.includes(s)).length
  const detail = PASSING.slice(1)
    .map((s) => [s, countOf(statuses, s)] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
  return detail.length > 0 ? `${passed} passed (${detail.join(', ')})` : `${passed} passed`
}

/** `1 regressed`: always shown, 0 included. */
export function regressedCount(statuses: readonly Status[]): string {
  return `${countOf(statuses, 'regressed')} regressed`
}

/** `1 new`, `2 missing`, ...: the outcomes that are neither passed nor regressed, those that happened. */
export function otherCounts(statuses: readonly Status[]): string[] {
  return OTHERS.map(([s, label]) => [countOf(statuses, s), label] as const)
    .filter(([n]) => n > 0)
    .map(([n, label]) => `${n} ${label}`)
}

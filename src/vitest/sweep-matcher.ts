/**
 * `expect(sweep).toBeWithinBaseline()`: gates every point of a sweep as its
 * own baseline entry, keyed `<key> [<axis>=<value>]` (the key is the test's
 * name and counter, or the matcher's `name`), so a point can be added, removed
 * or re-recorded on its own. The assertion fails when any point regresses.
 */
import { TestRunner } from 'vitest'
import { errorMessage, perfgateTypeError } from '../errors.js'
import type { SweepResult } from '../types/index.js'
import { nextEntryKey } from './entry-key.js'
import type { BaselineMatcherOptions } from './options.js'

interface MatcherContext {
  isNot: boolean
  currentTestName?: string
  testPath?: string
}

type Outcome = { pass: boolean; message: () => string }
type GateOne = (this: MatcherContext, received: unknown, options?: BaselineMatcherOptions) => Outcome | Promise<Outcome>

export function isSweepResult(x: unknown): x is SweepResult<unknown> {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'sweep' && Array.isArray((x as { points?: unknown }).points)
}

/** The entry key of one point. */
export function sweepPointKey(key: string, label: string): string {
  return `${key} [${label}]`
}

export function gateSweep(this: MatcherContext, sweep: SweepResult<unknown>, options: BaselineMatcherOptions, gateOne: GateOne) {
  if (this.isNot) throw perfgateTypeError('MATCHER_NEGATION_UNSUPPORTED', { matcher: 'toBeWithinBaseline' })
  const test = TestRunner.getCurrentTest()
  if (!test) throw new Error(errorMessage('MATCHER_OUTSIDE_TEST'))
  const key = options.name ?? nextEntryKey(test, test.result?.retryCount ?? 0, this.currentTestName ?? test.name)
  // points are gated one after another: a point that is measured again (confirm) holds the machine alone
  const gate = (p: SweepResult<unknown>['points'][number]) => gateOne.call(this, p.result, { ...options, name: sweepPointKey(key, p.label) })
  const settled: (Outcome & { label: string })[] = []
  for (let i = 0; i < sweep.points.length; i++) {
    const p = sweep.points[i]!
    const outcome = gate(p)
    if (outcome instanceof Promise) return gateRest(outcome, i)
    settled.push({ label: p.label, ...outcome })
  }
  return sweepOutcome(sweep, settled)

  async function gateRest(pending: Promise<Outcome>, from: number): Promise<Outcome> {
    settled.push({ label: sweep.points[from]!.label, ...(await pending) })
    for (const p of sweep.points.slice(from + 1)) settled.push({ label: p.label, ...(await gate(p)) })
    return sweepOutcome(sweep, settled)
  }
}

function sweepOutcome(sweep: SweepResult<unknown>, outcomes: readonly (Outcome & { label: string })[]): Outcome {
  const failed = outcomes.filter((o) => !o.pass)
  return {
    pass: failed.length === 0,
    message: () =>
      failed.length > 0
        ? `perfgate: ${failed.length} of ${outcomes.length} points of the sweep over ${sweep.axis} failed (${failed.map((o) => o.label).join(', ')})\n\n${failed.map((o) => o.message()).join('\n\n')}`
        : outcomes.map((o) => o.message()).join('\n'),
  }
}

/**
 * Confirming a verdict by measuring again (vitest/confirm.ts), on entries whose run times are
 * known exactly: the "measurements" are entries handed out in order.
 */
import { describe, expect, it } from 'vitest'
import { decideEntry } from '../../src/compare/decide-entry.js'
import type { BaselineEntry } from '../../src/types/index.js'
import { confirmDecision, confirmed } from '../../src/vitest/confirm.js'
import { profileEntry, runs } from './entry-factory.js'

const p50 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2
}
const measured = (latency: number[]) => profileEntry({ 'latency.p50': p50(latency) }, { latency })
const stored = measured(runs(10, 30)) // 10.0 .. 12.9 ms, median 11.45
const fast = () => measured(runs(10, 30))
const slow = () => measured(runs(20, 30)) // every run 7 ms slower: +61% at the median

const decide = (current: BaselineEntry) =>
  decideEntry({
    stored,
    current,
    update: 'none',
    compare: { metrics: ['latency.p50'] },
    missingTestbed: { policy: 'fail', otherTestbeds: () => [] },
    unresolved: 'warn',
  })

/** Measurements handed out in order, counted. */
function measurements(list: (() => BaselineEntry)[]) {
  const m = { taken: 0, again: async () => list[m.taken++]!() }
  return m
}

describe('confirmDecision', () => {
  it('confirms a regression that the second measurement repeats, and stops there', async () => {
    const first = slow()
    const m = measurements([slow, slow])
    const out = await confirmDecision(decide(first), first, m.again, decide, 2)
    expect(m.taken).toBe(1)
    expect(out.decision.pass).toBe(false)
    expect(out.decision.record.status).toBe('regressed')
    expect(out.confirmation).toStrictEqual({ measurements: 2, verdicts: ['regressed', 'regressed'], each: ['regressed', 'regressed'] })
    expect(out.current.samples.latency).toHaveLength(60)
  })

  it('passes a first measurement that two fresh ones do not repeat, on the pooled runs', async () => {
    const first = slow()
    const m = measurements([fast, fast])
    const out = await confirmDecision(decide(first), first, m.again, decide, 2)
    // after two: 30 slow + 30 fast runs, median (12.9 + 20) / 2 = 16.45, but the two halves make the interval of
    // the change wider than the tolerance: unresolved; after three: 60 fast + 30 slow, median 12.2 = +6.6%, within
    // the 10% tolerance
    expect(m.taken).toBe(2)
    expect(out.confirmation).toStrictEqual({ measurements: 3, verdicts: ['regressed', 'unresolved', 'pass'], each: ['regressed', 'pass', 'pass'] })
    expect(out.decision.pass).toBe(true)
    expect(out.current.metrics['latency.p50']).toBeCloseTo(12.2, 9)
  })

  it('spends no measurement beyond the budget', async () => {
    const first = slow()
    const m = measurements([fast, fast])
    const out = await confirmDecision(decide(first), first, m.again, decide, 1)
    expect(m.taken).toBe(1)
    expect(out.confirmation!.measurements).toBe(2)
    // the pool of one slow and one fast measurement is unresolved, which the 'warn' policy passes and records
    expect(out.decision.record).toMatchObject({ status: 'unresolved', unresolvedPolicy: 'warn' })
    expect(out.decision.pass).toBe(true)
  })
})

describe('confirmed, for a new entry', () => {
  const record = (current: BaselineEntry) =>
    decideEntry({
      stored: undefined,
      current,
      update: 'new',
      compare: { metrics: ['latency.p50'] },
      missingTestbed: { policy: 'fail', otherTestbeds: () => [] },
      unresolved: 'warn',
    })

  it('records the first measurement and `budget` more, pooled', async () => {
    const first = fast()
    const m = measurements([slow, fast])
    const out = await confirmed(record(first), first, m.again, record, 2)
    expect(m.taken).toBe(2)
    expect(out.recordedFrom).toBe(3)
    expect(out.decision.record.status).toBe('new')
    expect(out.decision.record.entry!.samples.latency).toHaveLength(90)
    expect(out.decision.record.entry!.measurements).toStrictEqual({ latency: [30, 30, 30] })
  })

  it('records one measurement with a budget of 0, or when the result cannot be measured again', () => {
    const first = fast()
    const m = measurements([slow])
    expect(confirmed(record(first), first, m.again, record, 0)).toStrictEqual({ decision: record(first), current: first })
    expect(confirmed(record(first), first, undefined, record, 2)).toStrictEqual({ decision: record(first), current: first })
    expect(m.taken).toBe(0)
  })
})

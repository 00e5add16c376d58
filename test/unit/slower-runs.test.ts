/** Changes that rest on the slower runs alone (compare/slower-runs.ts), through compareEntry. */
import { describe, expect, it } from 'vitest'
import { compareEntry } from '../../src/compare/compare-entry.js'
import type { Disturbance } from '../../src/types/index.js'
import { profileEntry } from './entry-factory.js'

const disturbance = (share: number, reasons: Disturbance['reasons']): Disturbance => ({
  rule: 1,
  runs: 1000,
  disturbedRuns: share * 1000,
  share,
  involuntarySwitches: 0,
  reasons,
})
// 1,000 runs of 1.000 .. 1.099 ms; the current's slowest 20% took 1.6x as long, the rest unchanged
const base = Array.from({ length: 1000 }, (_, i) => 1 + (i % 100) * 0.001)
const slowTail = base.map((x, i) => (i % 100 >= 80 ? x * 1.6 : x))
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(0.95 * (xs.length - 1))]!
const entry = (xs: number[], d: Disturbance) => profileEntry({ 'latency.p95': p95(xs) }, { latency: xs }, { disturbance: d })

describe('a tail that moved while the machine was busy', () => {
  it('is unresolved when the current measurement saw competing work the baseline did not, and the median held', () => {
    const row = compareEntry(entry(base, disturbance(0, [])), entry(slowTail, disturbance(0.04, ['involuntary switches', 'load above cores'])), {
      metrics: ['latency.p95'],
    }).rows[0]!
    expect(row.changePct).toBeGreaterThan(50)
    expect(row.verdict).toBe('unresolved')
    expect(row.note).toBe(
      'the slower runs moved while the machine was busy (disturbed runs 0% -> 4%, load above cores) but the median did not (+0.0%): measure on a quieter machine or widen it',
    )
  })

  it('regresses when both were measured on a busy machine, or neither', () => {
    const busy = disturbance(0.04, ['load above cores'])
    expect(compareEntry(entry(base, busy), entry(slowTail, busy), { metrics: ['latency.p95'] }).verdict).toBe('regressed')
    expect(compareEntry(entry(base, disturbance(0, [])), entry(slowTail, disturbance(0, [])), { metrics: ['latency.p95'] }).verdict).toBe('regressed')
  })

  it('regresses when the median moved beyond the tolerance too', () => {
    const slower = base.map((x) => x * 1.6)
    const row = compareEntry(entry(base, disturbance(0, [])), entry(slower, disturbance(0.04, ['run-queue wait'])), { metrics: ['latency.p95'] }).rows[0]!
    expect(row.verdict).toBe('regressed')
  })
})

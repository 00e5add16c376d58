/** Changes that rest on the slower runs alone (compare/slower-runs.ts), through compareEntry. */
import { describe, expect, it } from 'vitest'
import { compareEntry } from '../../src/compare/compare-entry.js'
import { settleOnTheMedian } from '../../src/compare/slower-runs.js'
import type { Disturbance, MetricComparison } from '../../src/types/index.js'
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
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(0.5 * (xs.length - 1))]!
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

  it('is unresolved when both were measured on a busy machine, and regresses when neither was', () => {
    const busy = disturbance(0.04, ['load above cores'])
    expect(compareEntry(entry(base, busy), entry(slowTail, busy), { metrics: ['latency.p95'] }).verdict).toBe('unresolved')
    expect(compareEntry(entry(base, disturbance(0, [])), entry(slowTail, disturbance(0, [])), { metrics: ['latency.p95'] }).verdict).toBe('regressed')
  })

  it('regresses when the median moved beyond the tolerance too', () => {
    const slower = base.map((x) => x * 1.6)
    const row = compareEntry(entry(base, disturbance(0, [])), entry(slower, disturbance(0.04, ['run-queue wait'])), { metrics: ['latency.p95'] }).rows[0]!
    expect(row.verdict).toBe('regressed')
  })
})

describe('a tail or mean beyond the tolerance while the median of the same runs is unresolved', () => {
  const row = (
    metric: MetricComparison['metric'],
    verdict: MetricComparison['verdict'],
    changePct: number,
    basis: 'cpu' | 'wall' = 'cpu',
  ): MetricComparison => ({
    metric,
    unit: 'ms',
    better: 'lower',
    baseline: 1,
    current: 1 + changePct / 100,
    change: changePct / 100,
    changePct,
    tolerance: '10%',
    verdict,
    basis,
  })
  // the decode step's rows beside one busy process (docs: the main job beside a busy process)
  const decodeStep = () => [
    row('latency.p50', 'unresolved', 20.4),
    row('throughput', 'regressed', -40.2),
    row('latency.p95', 'regressed', 30),
    row('latency.p99', 'regressed', 50, 'wall'),
  ]
  const quiet = entry(base, disturbance(0, []))
  const busy = entry(base, disturbance(0.03, ['involuntary switches', 'cpu below wall', 'run-queue wait']))

  it('is unresolved on a busy machine: a tail or a mean cannot be surer than the median', () => {
    const rows = decodeStep()
    settleOnTheMedian(rows, quiet, busy)
    expect(rows.map((r) => r.verdict)).toEqual(['unresolved', 'unresolved', 'unresolved', 'regressed'])
    expect(rows[1]!.note).toBe(
      'the slower runs moved while the machine was busy (disturbed runs 0% -> 3%, run-queue wait) and the median is unresolved (+20.4%): measure on a quieter machine or widen it',
    )
  })

  it('stays regressed when the machine was not busier than for the baseline, or the median regressed too', () => {
    const same = decodeStep()
    settleOnTheMedian(same, quiet, quiet)
    expect(same.map((r) => r.verdict)).toEqual(['unresolved', 'regressed', 'regressed', 'regressed'])
    // both measured busy alike: contention weighs on both sides
    const bothBusy = decodeStep()
    settleOnTheMedian(bothBusy, busy, busy)
    expect(bothBusy.map((r) => r.verdict)).toEqual(['unresolved', 'regressed', 'regressed', 'regressed'])
    const medianToo = [row('latency.p50', 'regressed', 20.4), row('throughput', 'regressed', -40.2)]
    settleOnTheMedian(medianToo, quiet, busy)
    expect(medianToo.map((r) => r.verdict)).toEqual(['regressed', 'regressed'])
  })
})

describe('a machine busy by its share of disturbed runs alone', () => {
  it('makes a tail that moved with the median held unresolved from 2% of the runs disturbed', () => {
    const row = compareEntry(
      entry(base, disturbance(0.005, ['involuntary switches'])),
      entry(slowTail, disturbance(0.05, ['involuntary switches', 'cpu below wall'])),
      {
        metrics: ['latency.p95'],
      },
    ).rows[0]!
    expect(row.verdict).toBe('unresolved')
    expect(row.note).toBe(
      'the slower runs moved while the machine was busy (disturbed runs 1% -> 5%) but the median did not (+0.0%): measure on a quieter machine or widen it',
    )
    // 1.9% and 1.5%: quiet
    expect(compareEntry(entry(base, disturbance(0.015, [])), entry(slowTail, disturbance(0.019, [])), { metrics: ['latency.p95'] }).verdict).toBe('regressed')
  })
})

describe('a machine busy by a runnable task beside perfgate', () => {
  const withLoad = (share: number, start: number, end: number): Disturbance => ({
    ...disturbance(share, ['involuntary switches']),
    load: { cores: 2, start, end },
  })

  it('makes a tail that moved with the median held unresolved when a task ran beside either measurement', () => {
    // the classifier's p95 number beside one busy process: 0.5% -> 1.1% disturbed, 1 runnable task beside it where the baseline saw none
    const row = compareEntry(entry(base, withLoad(0.005, 0, 0)), entry(slowTail, withLoad(0.011, 1, 1)), { metrics: ['latency.p95'] }).rows[0]!
    expect(row.verdict).toBe('unresolved')
    expect(row.note).toBe(
      'the slower runs moved while the machine was busy (disturbed runs 1% -> 1%, runnable tasks beside it 0 -> 1) but the median did not (+0.0%): measure on a quieter machine or widen it',
    )
    expect(compareEntry(entry(base, withLoad(0.005, 1, 0)), entry(slowTail, withLoad(0.011, 0, 0)), { metrics: ['latency.p95'] }).verdict).toBe('unresolved')
  })

  it('regresses when no task ran beside either', () => {
    expect(compareEntry(entry(base, withLoad(0.005, 0, 0)), entry(slowTail, withLoad(0.011, 0, 0)), { metrics: ['latency.p95'] }).verdict).toBe('regressed')
  })
})

describe('a median that moved on a busy machine against a baseline recorded on a quiet one', () => {
  const quiet = disturbance(0.005, ['involuntary switches'])
  const busy = { ...disturbance(0.07, ['involuntary switches', 'load above cores']), load: { cores: 2, start: 0, end: 4 } }
  const medianEntry = (xs: number[], d: Disturbance | undefined) =>
    profileEntry({ 'latency.p50': median(xs), 'latency.p95': p95(xs) }, { latency: xs }, d ? { disturbance: d } : {})
  const compare = (factor: number, b: Disturbance | undefined, c: Disturbance | undefined) =>
    compareEntry(
      medianEntry(base, b),
      medianEntry(
        base.map((x) => x * factor),
        c,
      ),
      { metrics: ['latency.p50', 'latency.p95'] },
    )

  it('is unresolved below 2x, and so are the tails that moved with it', () => {
    // the decode step beside one busy process: its median +38% over a quiet baseline
    const c = compare(1.38, quiet, busy)
    expect(c.rows.map((r) => [r.metric, r.verdict])).toEqual([
      ['latency.p50', 'unresolved'],
      ['latency.p95', 'unresolved'],
    ])
    expect(c.rows[0]!.note).toBe(
      'the median moved while the machine was busy (disturbed runs 1% -> 7%, load above cores, runnable tasks beside it 0 -> 4) against a baseline recorded on a quiet one: measure on a quieter machine, or record the baseline under the same load',
    )
  })

  it('regresses at 2x and beyond, when both or neither were busy, and against a baseline without evidence', () => {
    expect(compare(2, quiet, busy).verdict).toBe('regressed')
    expect(compare(1.38, busy, busy).verdict).toBe('regressed')
    expect(compare(1.38, quiet, quiet).verdict).toBe('regressed')
    expect(compare(1.38, undefined, busy).verdict).toBe('regressed')
  })
})

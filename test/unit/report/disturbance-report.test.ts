/**
 * The share of disturbed runs in the gate's message, the Markdown summary and
 * the HTML report, from hand-made entries.
 */
import { describe, expect, it } from 'vitest'
import { compareEntry } from '../../../src/compare/compare-entry.js'
import { comparisonReport, disturbanceText } from '../../../src/report/diff-table.js'
import { htmlReport } from '../../../src/report/html-report.js'
import { markdownReport } from '../../../src/report/markdown-report.js'
import { buildResultsFile } from '../../../src/results/results-file.js'
import type { Disturbance, GateRecord } from '../../../src/types/index.js'
import { profileEntry, runs } from '../entry-factory.js'

const calm: Disturbance = { rule: 1, runs: 50, disturbedRuns: 1, share: 0.02, involuntarySwitches: 1, reasons: ['involuntary switches'] }
const busy: Disturbance = {
  rule: 1,
  runs: 100,
  disturbedRuns: 61,
  share: 0.61,
  involuntarySwitches: 240,
  runQueueWaitMs: 900,
  load: { cores: 2, start: 3, end: 3 },
  reasons: ['involuntary switches', 'run-queue wait', 'load above cores'],
}

const entry = (d?: Disturbance) => profileEntry({ 'latency.p50': 10 }, { latency: runs(9.5, 20) }, d ? { disturbance: d } : {})

describe('disturbanceText', () => {
  it('gives both shares and the current reasons', () => {
    expect(disturbanceText({ baseline: calm, current: busy })).toBe(
      'disturbed runs: baseline 2% -> current 61% (involuntary switches, run-queue wait, load above cores)',
    )
  })

  it('says when the baseline predates the record, and gives no reasons when there are none', () => {
    expect(disturbanceText({ current: { ...calm, share: 0, disturbedRuns: 0, reasons: [] } })).toBe('disturbed runs: baseline not recorded -> current 0%')
  })
})

describe('the gate message', () => {
  it('has the disturbance line when the current entry has one', () => {
    const cmp = compareEntry(entry(calm), entry(busy), { metrics: ['latency.p50'] })
    expect(cmp.disturbance).toStrictEqual({ baseline: calm, current: busy })
    expect(comparisonReport('det 1', 'b.json', cmp)).toContain(
      'disturbed runs: baseline 2% -> current 61% (involuntary switches, run-queue wait, load above cores)',
    )
  })

  it('has none for entries recorded without it', () => {
    const cmp = compareEntry(entry(calm), entry(), { metrics: ['latency.p50'] })
    expect(cmp.disturbance).toBeUndefined()
    expect(comparisonReport('det 1', 'b.json', cmp)).not.toContain('disturbed runs')
  })
})

describe('the reports', () => {
  const record = (key: string, baseline: Disturbance | undefined, current: Disturbance | undefined): GateRecord => ({
    file: 'b.json',
    key,
    test: key,
    status: 'pass',
    baseline: entry(baseline),
    current: entry(current),
  })
  const file = buildResultsFile([record('busy one', calm, busy), record('quiet one', undefined, { ...calm, share: 0, disturbedRuns: 0, reasons: [] })], {
    createdAt: new Date(0),
    commit: null,
  })

  it('Markdown lists the entries a side saw disturbed runs in, one line each', () => {
    const md = markdownReport(file)
    expect(md).toContain('- busy one: disturbed runs: baseline 2% → current 61% (involuntary switches, run-queue wait, load above cores)')
    expect(md).not.toContain('- quiet one: disturbed')
  })

  it('HTML has a disturbed-runs row in the testbed table', () => {
    const html = htmlReport(file)
    expect(html).toContain(
      '<tr class="differs"><td>disturbed runs</td><td>2% (involuntary switches)</td><td>61% (involuntary switches, run-queue wait, load above cores)</td></tr>',
    )
    expect(html).toContain('<tr><td>disturbed runs</td><td>not recorded</td><td>0%</td></tr>')
  })
})

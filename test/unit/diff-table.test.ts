import { describe, expect, it } from 'vitest'
import { comparisonReport, differencesText, diffTable } from '../../src/report/diff-table.js'
import type { EntryComparison, MetricComparison } from '../../src/types/index.js'
import { regressedP95Row } from './entry-factory.js'

const p95: MetricComparison = regressedP95Row({ pValue: 3e-11 })
const throughput: MetricComparison = {
  metric: 'throughput',
  unit: 'runs/s',
  better: 'higher',
  baseline: 100,
  current: 96.1538,
  change: -3.8462,
  changePct: -3.8462,
  tolerance: '10%',
  verdict: 'pass',
}
const memory: MetricComparison = {
  metric: 'memory.peakDeltaMB',
  unit: 'MB',
  better: 'lower',
  baseline: 0,
  current: 4.5,
  change: 4.5,
  changePct: null,
  tolerance: '10%, ±10 MB',
  verdict: 'pass',
}
const p50Noisy: MetricComparison = {
  metric: 'latency.p50',
  unit: 'ms',
  better: 'lower',
  baseline: 8,
  current: 9.6,
  change: 1.6,
  changePct: 20,
  tolerance: '10%',
  verdict: 'pass',
  pValue: 1,
  note: 'beyond tolerance, not significant: p=1.000 >= 0.01',
}
const faster: MetricComparison = { ...p95, current: 8, change: -2, changePct: -20, verdict: 'improved' }

describe('diffTable', () => {
  it('shows the confidence interval of the change when there is one', () => {
    expect(diffTable([{ ...p95, interval: { lowPct: 15.25, highPct: 24.75, confidence: 0.99 } }]).split('\n')[2]).toContain('[+15.3, +24.8]')
  })

  it('shows metric, baseline, current, change, change %, tolerance and verdict, numbers right-aligned', () => {
    expect(diffTable([p95, throughput, memory])).toMatchInlineSnapshot(`
      "metric                baseline      current  change  change %  interval %    tolerance  verdict
      ------------------  ----------  -----------  ------  --------  ----------  -----------  ---------
      latency.p95            10.0 ms      12.0 ms   +2.00    +20.0%                      10%  REGRESSED
      throughput          100 runs/s  96.2 runs/s   -3.85     -3.8%                      10%  ok
      memory.peakDeltaMB        0 MB      4.50 MB   +4.50       n/a              10%, ±10 MB  ok"
    `)
  })

  it('appends the note to the verdict of a change beyond tolerance that was not significant', () => {
    expect(diffTable([p50Noisy])).toMatchInlineSnapshot(`
      "metric       baseline  current  change  change %  interval %  tolerance  verdict
      -----------  --------  -------  ------  --------  ----------  ---------  ------------------------------------------------------
      latency.p50   8.00 ms  9.60 ms   +1.60    +20.0%                    10%  ok: beyond tolerance, not significant: p=1.000 >= 0.01"
    `)
  })
})

describe('differencesText', () => {
  it('is empty when the setup is the same', () => {
    expect(differencesText([])).toBe('')
  })

  it('lists each differing field as baseline -> current', () => {
    expect(
      differencesText([
        { field: 'cores', baseline: '8', current: '4' },
        { field: 'model.sha256', baseline: 'aaaaaaaaaaaa', current: 'bbbbbbbbbbbb' },
      ]),
    ).toBe('Measured on a different setup than the baseline:\n  cores: 8 -> 4\n  model.sha256: aaaaaaaaaaaa -> bbbbbbbbbbbb')
  })
})

describe('comparisonReport', () => {
  it('keeps a line break in the key or the file on the first line', () => {
    const cmp: EntryComparison = { verdict: 'regressed', basis: 'wall', rows: [p95], differences: [] }
    const first = comparisonReport('det\n1', 'baselines/a\rb.json', cmp).split('\n')[0]
    expect(first).toBe('perfgate: "det\\x0a1" regressed against baselines/a\\x0db.json')
  })

  it('for a regression: the headline, the table, the setup differences and how to accept the change', () => {
    const cmp: EntryComparison = {
      verdict: 'regressed',
      basis: 'wall',
      rows: [p95, throughput],
      differences: [{ field: 'cores', baseline: '8', current: '4' }],
    }
    expect(comparisonReport('detector 1', 'baselines/det.perf.test.ts.json', cmp)).toMatchInlineSnapshot(`
      "perfgate: "detector 1" regressed against baselines/det.perf.test.ts.json

      metric         baseline      current  change  change %  interval %  tolerance  verdict
      -----------  ----------  -----------  ------  --------  ----------  ---------  ---------
      latency.p95     10.0 ms      12.0 ms   +2.00    +20.0%                    10%  REGRESSED
      throughput   100 runs/s  96.2 runs/s   -3.85     -3.8%                    10%  ok

      Measured on a different setup than the baseline:
        cores: 8 -> 4

      If the slowdown is intended, record the new figures with \`npx vitest run -u\` (or \`npx perfgate update\`) and commit the baseline."
    `)
  })

  it('for an improvement: the headline, the table and how to lock it in', () => {
    const cmp: EntryComparison = { verdict: 'improved', basis: 'wall', rows: [faster], differences: [] }
    expect(comparisonReport('detector 1', 'baselines/det.perf.test.ts.json', cmp)).toMatchInlineSnapshot(`
      "perfgate: "detector 1" improved beyond tolerance against baselines/det.perf.test.ts.json

      metric       baseline  current  change  change %  interval %  tolerance  verdict
      -----------  --------  -------  ------  --------  ----------  ---------  --------
      latency.p95   10.0 ms  8.00 ms   -2.00    -20.0%                    10%  improved

      Lock in the improvement with \`npx vitest run -u\` (or \`npx perfgate update\`) and commit the baseline."
    `)
  })

  it('within the baseline: the headline and the table only', () => {
    const cmp: EntryComparison = { verdict: 'pass', basis: 'wall', rows: [throughput], differences: [] }
    expect(comparisonReport('detector 1', 'baselines/det.perf.test.ts.json', cmp)).toMatchInlineSnapshot(`
      "perfgate: "detector 1" is within its baseline in baselines/det.perf.test.ts.json

      metric        baseline      current  change  change %  interval %  tolerance  verdict
      ----------  ----------  -----------  ------  --------  ----------  ---------  -------
      throughput  100 runs/s  96.2 runs/s   -3.85     -3.8%                    10%  ok"
    `)
  })
})

describe('names in the failure message are data', () => {
  it('prints escape sequences in the key, the file and the testbed fields as text', () => {
    const cmp: EntryComparison = {
      verdict: 'regressed',
      rows: [p95],
      differences: [{ field: 'cpuModel', baseline: 'Xeon\u001b[8m', current: 'EPYC' }],
    } as unknown as EntryComparison
    const text = comparisonReport('\u001b]8;;http://x\u0007click\u001b]8;;\u0007 =1+1', 'baselines/\u202ex.json', cmp)
    expect(text.split('\n')[0]).toBe('perfgate: "\\x1b]8;;http://x\\x07click\\x1b]8;;\\x07 =1+1" regressed against baselines/\\u{202e}x.json')
    expect(text).toContain('  cpuModel: Xeon\\x1b[8m -> EPYC')
    // eslint-disable-next-line no-control-regex -- no control character may be left
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/)
  })
})

import { describe, expect, it } from 'vitest'
import { markdownReport } from '../../../src/report/markdown-report.js'
import { buildResultsFile } from '../../../src/results/results-file.js'
import { FILE, HOSTILE, records, resultsFile } from './results-factory.js'

/** Digits normalized: the snapshot asserts the layout; exact figures are asserted on their own. */
const normalized = (text: string) => text.replace(/\d/g, '0')

describe('markdownReport', () => {
  const file = resultsFile({ baseRef: 'main', changedBaselines: [FILE] })
  const text = markdownReport(file)

  it('has the headline, the warning, the regressed rows, and the rest folded', () => {
    expect(normalized(text)).toMatchSnapshot()
  })

  it('puts the regressed rows first, with baseline, current, change, interval and tolerance', () => {
    expect(text.split('\n')[0]).toBe('## ❌ perfgate: 1 regressed, 3 passed (1 improved), 1 new')
    const regressed = text.slice(text.indexOf('### Regressed'), text.indexOf('<details>'))
    expect(regressed).toContain('| 99% CI of change |')
    expect(regressed).toContain('| latency.p50 | 11.0 ms | 13.0 ms | +18.2% | [+12.5, +24.3] | 10% |')
    expect(regressed).toContain('| throughput | 90.9 runs/s | 76.9 runs/s | -15.4% |  | 10% |')
    expect(regressed).not.toContain('memory.peakDeltaMB')
    expect(text.indexOf('### Regressed')).toBeLessThan(text.indexOf('<details>'))
    expect(text).toContain('<summary>Other results (6 rows)</summary>')
  })

  it('says when the change edits the baseline it is judged against', () => {
    expect(text).toContain('**This change edits the baseline it is judged against** (compared with main): baselines/det.perf.test.ts.json.')
    expect(markdownReport(resultsFile())).not.toContain('edits the baseline')
  })

  it('has no interval column when no row has an interval, and no regressed table when nothing regressed', () => {
    const calm = buildResultsFile(
      records().filter((r) => r.status !== 'regressed'),
      { createdAt: new Date(0), commit: null },
    )
    const md = markdownReport(calm)
    expect(md.split('\n')[0]).toBe('## ✅ perfgate: 0 regressed, 3 passed (1 improved), 1 new')
    expect(md).not.toContain('### Regressed')
    expect(md).not.toContain('CI of change')
    expect(md).toContain('<summary>All results (5 rows)</summary>')
  })

  it('lists the machine-speed correction of calibrated entries, and the results file keeps it', () => {
    const recs = records().map((r) => (r.key === 'detector 640 1' ? { ...r, calibration: { factor: 0.9, baselineScoreMs: 0.18, currentScoreMs: 0.2 } } : r))
    const file = buildResultsFile(recs, { createdAt: new Date(0), commit: null })
    expect(file.results.find((e) => e.key === 'detector 640 1')?.calibration).toEqual({ factor: 0.9, baselineScoreMs: 0.18, currentScoreMs: 0.2 })
    const md = markdownReport(file)
    expect(md).toContain('Calibrated for machine speed (current times in the tables are the measured ones x factor):')
    expect(md).toContain('- detector 640 1: x0.900 (reference workload 0.200 ms now, 0.180 ms at the baseline)')
    expect(markdownReport(resultsFile())).not.toContain('Calibrated for machine speed')
  })

  it('escapes test names so they render as text', () => {
    expect(text).not.toContain(HOSTILE)
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt; 1<br>')
  })
})

import { describe, expect, it } from 'vitest'
import { runSummary } from '../../../src/report/run-summary.js'
import { terminalWidth } from '../../../src/report/terminal-width.js'
import type { GateRecord, MetricComparison } from '../../../src/types/index.js'

describe('terminalWidth', () => {
  it("is the terminal's width when the output is one", () => {
    expect(terminalWidth({ isTTY: true, columns: 200 }, {})).toBe(200)
    expect(terminalWidth({ isTTY: true, columns: 64 }, {})).toBe(64)
  })

  it('is 120 for a CI log or a file, and COLUMNS wins over both', () => {
    expect(terminalWidth({ isTTY: false, columns: 200 }, {})).toBe(120)
    expect(terminalWidth({}, {})).toBe(120)
    expect(terminalWidth({}, { COLUMNS: '100' })).toBe(100)
    expect(terminalWidth({ isTTY: true, columns: 200 }, { COLUMNS: '90' })).toBe(90)
  })

  it('ignores a COLUMNS that is not a width, and never goes under 40', () => {
    expect(terminalWidth({ isTTY: true, columns: 150 }, { COLUMNS: 'wide' })).toBe(150)
    expect(terminalWidth({}, { COLUMNS: '' })).toBe(120)
    expect(terminalWidth({ isTTY: true, columns: 20 }, {})).toBe(40)
  })
})

describe('the end-of-run summary at a given width', () => {
  const row: MetricComparison = {
    metric: 'memory.peakDeltaMB',
    unit: 'MiB',
    better: 'lower',
    baseline: 100,
    current: 140,
    change: 40,
    changePct: 40,
    tolerance: '10%, ±32 MiB',
    verdict: 'regressed',
    interval: { lowPct: 30.1, highPct: 50.2, confidence: 0.99 },
  }
  const record: GateRecord = { file: 'baselines/det.perf.test.ts.json', key: 'detector 1', test: 'detector', status: 'regressed', rows: [row] }
  const at = (width: number) => runSummary({ records: [record], obsolete: [], written: [], problems: [], removedObsolete: false, width })

  it('shows every column where the width allows', () => {
    expect(at(120)).toBe(
      [
        'perfgate: 0 passed, 1 regressed',
        '',
        'REGRESSED  detector 1  (baselines/det.perf.test.ts.json)',
        'metric              baseline  current                 change     tolerance  verdict',
        '------------------  --------  -------  ---------------------  ------------  ---------',
        'memory.peakDeltaMB   100 MiB  140 MiB  +40.0% [+30.1, +50.2]  10%, ±32 MiB  REGRESSED',
      ].join('\n'),
    )
  })

  it('drops the tolerance, then the interval, to fit a narrower terminal', () => {
    expect(at(80).split('\n').slice(3)).toEqual([
      'metric              baseline  current                 change  verdict',
      '------------------  --------  -------  ---------------------  ---------',
      'memory.peakDeltaMB   100 MiB  140 MiB  +40.0% [+30.1, +50.2]  REGRESSED',
    ])
    expect(at(60).split('\n').slice(3)).toEqual([
      'metric              baseline  current  change  verdict',
      '------------------  --------  -------  ------  ---------',
      'memory.peakDeltaMB   100 MiB  140 MiB  +40.0%  REGRESSED',
    ])
  })
})

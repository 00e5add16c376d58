import { describe, expect, it } from 'vitest'
import { ansi } from '../../src/report/ansi.js'
import { runSummary } from '../../src/report/run-summary.js'
import type { GateRecord, MetricComparison } from '../../src/types/index.js'
import { regressedP95Row } from './entry-factory.js'

const FILE = 'baselines/det.perf.test.ts.json'
const regressedRow: MetricComparison = regressedP95Row()

function rec(key: string, status: GateRecord['status'], rows?: MetricComparison[]): GateRecord {
  return { file: FILE, key, test: key.replace(/ \d+$/, ''), status, ...(rows ? { rows } : {}) }
}

const none = { records: [], obsolete: [], written: [], problems: [], removedObsolete: false }

describe('runSummary', () => {
  it('always counts passed and regressed, and the other outcomes only when they happened', () => {
    expect(runSummary(none)).toBe('perfgate: 0 passed, 0 regressed')
    expect(runSummary({ ...none, records: [rec('a 1', 'pass'), rec('b 1', 'pass'), rec('c 1', 'new'), rec('d 1', 'missing')] }).split('\n')[0]).toBe(
      'perfgate: 2 passed, 0 regressed, 1 new, 1 missing',
    )
  })

  it('lists the missing entries with how to record them', () => {
    expect(runSummary({ ...none, records: [rec('d 1', 'missing')] })).toBe(
      'perfgate: 0 passed, 0 regressed, 1 missing\n\nMissing baselines (record them with `npx vitest run -u` and commit the files):\n  d 1  (baselines/det.perf.test.ts.json)',
    )
  })

  it('repeats the table of every regression, lists improvements with a hint, and names the files written', () => {
    const text = runSummary({
      ...none,
      records: [rec('det 1', 'regressed', [regressedRow]), rec('det 2', 'improved'), rec('cls 1', 'updated'), rec('cls 2', 'pass')],
      written: [FILE],
    })
    expect(text).toMatchInlineSnapshot(`
      "perfgate: 2 passed (1 improved), 1 regressed, 1 updated

      REGRESSED  det 1  (baselines/det.perf.test.ts.json)
      metric       baseline  current  change  tolerance  verdict
      -----------  --------  -------  ------  ---------  ---------
      latency.p95   10.0 ms  12.0 ms  +20.0%        10%  REGRESSED

      Improved beyond tolerance (run \`npx vitest run -u\` to lock it in):
        det 2  (baselines/det.perf.test.ts.json)

      Baselines written: baselines/det.perf.test.ts.json"
    `)
  })

  it('lists obsolete entries with how to remove them, or says they were removed', () => {
    const obsolete = [{ file: FILE, key: 'old test 1' }]
    expect(runSummary({ ...none, obsolete })).toMatchInlineSnapshot(`
      "perfgate: 0 passed, 0 regressed, 1 obsolete

      Obsolete baseline entries (remove them with \`npx vitest run -u\`):
        old test 1  (baselines/det.perf.test.ts.json)"
    `)
    expect(runSummary({ ...none, obsolete, removedObsolete: true, written: [FILE] })).toMatchInlineSnapshot(`
      "perfgate: 0 passed, 0 regressed, 1 obsolete

      Removed obsolete baseline entries:
        old test 1  (baselines/det.perf.test.ts.json)

      Baselines written: baselines/det.perf.test.ts.json"
    `)
  })

  it('ends with the problems that kept files from being written', () => {
    const problem = 'perfgate: could not write baselines/x.json: EACCES'
    expect(runSummary({ ...none, records: [rec('a 1', 'new')], problems: [problem] })).toBe(`perfgate: 0 passed, 0 regressed, 1 new\n\n${problem}`)
  })
})

describe('runSummary for a terminal', () => {
  const wide: MetricComparison[] = [
    {
      ...regressedRow,
      metric: 'memory.peakDeltaMB',
      unit: 'MB',
      baseline: 2687.5,
      current: 30100.25,
      change: 27412.75,
      changePct: 1020.0,
      tolerance: '10%, ±32 MB',
      interval: { lowPct: 990.5, highPct: 1050.25, confidence: 0.99 },
    },
    { ...regressedRow, metric: 'throughput', unit: 'runs/s', better: 'higher', baseline: 2687, current: 301, change: -2386, changePct: -88.8 },
  ]
  const run = { ...none, records: [rec('detector 1', 'regressed', wide)], changedBaselines: [FILE] }

  it('fits 80 columns, flags baselines the change edits, and has no colour codes by default', () => {
    const text = runSummary(run)
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80)
    expect(text).toContain(`This change edits baselines it is judged against (review them with it):\n  ${FILE}`)
    expect(text).not.toContain('\u001b[')
  })

  it('colours REGRESSED red when given the ANSI painter', () => {
    const text = runSummary({ ...run, paint: ansi })
    expect(text).toContain('\u001b[31mREGRESSED\u001b[39m  detector 1')
  })

  it('names the report files written', () => {
    expect(runSummary({ ...none, reports: ['.perfgate/report.html'] })).toContain('Reports written: .perfgate/report.html')
  })
})

describe('runSummary shows names as data', () => {
  const LINK = '\u001b]8;;http://x\u0007click\u001b]8;;\u0007 =1+1'
  const SHOWN = '\\x1b]8;;http://x\\x07click\\x1b]8;;\\x07 =1+1'

  it('prints an OSC 8 hyperlink, a colour code or a bidi override in a key or file as text, and keeps its own colours', () => {
    const text = runSummary({
      ...none,
      records: [
        { ...rec(`${LINK} 1`, 'regressed', [regressedRow]), file: 'baselines/\u202eevil.json' },
        rec('\u001b[2Jcleared 1', 'missing'),
        rec('improved\r 1', 'improved'),
      ],
      obsolete: [{ file: FILE, key: 'old\u0007 1' }],
      written: ['baselines/\u001b[31mred.json'],
      problems: ['perfgate: could not write a\u001b[1mb.json:\nline two'],
      paint: ansi,
    })
    expect(text).toContain(`\u001b[31mREGRESSED\u001b[39m  ${SHOWN} 1  (baselines/\\u{202e}evil.json)`)
    expect(text).toContain('\n  \\x1b[2Jcleared 1  (baselines/det.perf.test.ts.json)')
    expect(text).toContain('\n  improved\\x0d 1  (baselines/det.perf.test.ts.json)')
    expect(text).toContain('\n  old\\x07 1  (baselines/det.perf.test.ts.json)')
    expect(text).toContain('Baselines written: baselines/\\x1b[31mred.json')
    expect(text).toContain('perfgate: could not write a\\x1b[1mb.json:\nline two')
    // the only escape characters left are the painter's own colours
    // eslint-disable-next-line no-control-regex -- no control character may be left
    expect(text.replace(/\u001b\[(?:31|32|33|39|1|2|22)m/g, '')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/)
  })
})

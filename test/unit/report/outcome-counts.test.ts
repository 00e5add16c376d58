import { describe, expect, it } from 'vitest'
import { otherCounts, passedCount, regressedCount } from '../../../src/report/outcome-counts.js'
import { runSummary } from '../../../src/report/run-summary.js'
import type { GateRecord } from '../../../src/types/index.js'

const rec = (key: string, status: GateRecord['status']): GateRecord => ({ file: 'baselines/x.perf.test.ts.json', key, test: key, status })

describe('the outcome counts of a headline', () => {
  it('counts improved, warned and unresolved entries as passed, and names them in brackets', () => {
    expect(passedCount(['improved', 'unresolved'])).toBe('2 passed (1 improved, 1 unresolved)')
    expect(passedCount(['pass', 'warned', 'pass', 'improved', 'unresolved', 'unresolved'])).toBe('6 passed (1 improved, 1 warned, 2 unresolved)')
    expect(passedCount(['pass', 'pass'])).toBe('2 passed')
    expect(passedCount(['regressed', 'new'])).toBe('0 passed')
  })

  it('always counts regressed, and the other outcomes when they happened', () => {
    expect(regressedCount([])).toBe('0 regressed')
    expect(regressedCount(['regressed', 'pass', 'regressed'])).toBe('2 regressed')
    expect(otherCounts(['pass', 'new', 'invalid', 'missing', 'new', 'updated'])).toEqual(['2 new', '1 updated', '1 missing', '1 with an invalid baseline'])
    expect(otherCounts(['pass', 'improved', 'regressed'])).toEqual([])
  })

  it('gives a run that passed with one improved and one unresolved entry the headline "2 passed"', () => {
    expect(
      runSummary({ records: [rec('a 1', 'improved'), rec('b 1', 'unresolved')], obsolete: [], written: [], problems: [], removedObsolete: false }).split(
        '\n',
      )[0],
    ).toBe('perfgate: 2 passed (1 improved, 1 unresolved), 0 regressed')
  })
})

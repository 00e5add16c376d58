import { describe, expect, it } from 'vitest'
import { anyFailed, otherCounts, passedCount, regressedCount, type Outcome } from '../../../src/report/outcome-counts.js'
import { runSummary } from '../../../src/report/run-summary.js'
import type { GateRecord } from '../../../src/types/index.js'

const of = (...statuses: GateRecord['status'][]): Outcome[] => statuses.map((status) => ({ status }))
const rec = (key: string, status: GateRecord['status']): GateRecord => ({ file: 'baselines/x.perf.test.ts.json', key, test: key, status })

describe('the outcome counts of a headline', () => {
  it('counts improved, warned and unresolved entries as passed, and names them in brackets', () => {
    expect(passedCount(of('improved', 'unresolved'))).toBe('2 passed (1 improved, 1 unresolved)')
    expect(passedCount(of('pass', 'warned', 'pass', 'improved', 'unresolved', 'unresolved'))).toBe('6 passed (1 improved, 1 warned, 2 unresolved)')
    expect(passedCount(of('pass', 'pass'))).toBe('2 passed')
    expect(passedCount(of('regressed', 'new'))).toBe('0 passed')
  })

  it("counts an entry left unresolved under unresolved: 'fail' as failed, apart from the passed", () => {
    const outcomes: Outcome[] = [{ status: 'pass' }, { status: 'unresolved', unresolvedPolicy: 'fail' }, { status: 'unresolved', unresolvedPolicy: 'warn' }]
    expect(passedCount(outcomes)).toBe('2 passed (1 unresolved)')
    expect(otherCounts(outcomes)).toEqual(['1 unresolved (failed)'])
    expect(anyFailed(outcomes)).toBe(true)
    expect(anyFailed(outcomes.filter((o) => o.unresolvedPolicy !== 'fail'))).toBe(false)
  })

  it('always counts regressed, and the other outcomes when they happened', () => {
    expect(regressedCount([])).toBe('0 regressed')
    expect(regressedCount(of('regressed', 'pass', 'regressed'))).toBe('2 regressed')
    expect(otherCounts(of('pass', 'new', 'invalid', 'missing', 'new', 'updated'))).toEqual(['2 new', '1 updated', '1 missing', '1 with an invalid baseline'])
    expect(otherCounts(of('pass', 'improved', 'regressed'))).toEqual([])
  })

  it('gives a run that passed with one improved and one unresolved entry the headline "2 passed"', () => {
    expect(
      runSummary({ records: [rec('a 1', 'improved'), rec('b 1', 'unresolved')], obsolete: [], written: [], problems: [], removedObsolete: false }).split(
        '\n',
      )[0],
    ).toBe('perfgate: 2 passed (1 improved, 1 unresolved), 0 regressed')
  })
})

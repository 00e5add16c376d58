import { describe, expect, it } from 'vitest'
import { planFileChanges, type TestInRun } from '../../src/baseline/plan-changes.js'
import type { GateRecord } from '../../src/types/index.js'
import { baselineFile, profileEntry } from './entry-factory.js'

const FILE = 'baselines/det.perf.test.ts.json'

function record(key: string, status: GateRecord['status'], withEntry = status === 'new' || status === 'updated'): GateRecord {
  const test = key.replace(/ \d+$/, '')
  return { file: FILE, key, test, status, ...(withEntry ? { entry: profileEntry({ 'latency.p50': 1 }, {}, { test }) } : {}) }
}

function stored(...keys: string[]) {
  return baselineFile(Object.fromEntries(keys.map((k) => [k, profileEntry({ 'latency.p50': 1 }, {}, { test: k.replace(/ \d+$/, '') })])))
}

describe('planFileChanges', () => {
  it('writes the entries of new and updated records, and nothing for the other outcomes', () => {
    const records = [record('n 1', 'new'), record('u 1', 'updated'), record('p 1', 'pass'), record('r 1', 'regressed'), record('m 1', 'missing'), record('i 1', 'improved')]
    const plan = planFileChanges(undefined, records, [], 'new')
    expect(Object.keys(plan.write)).toEqual(['n 1', 'u 1'])
    expect(plan.write['n 1']).toBe(records[0]!.entry)
  })

  it('writes nothing for a new record that carries no entry', () => {
    expect(planFileChanges(undefined, [record('n 1', 'new', false)], [], 'new').write).toEqual({})
  })

  it('calls an entry obsolete when no test of its name exists any more', () => {
    const plan = planFileChanges(stored('gone 1', 'kept 1'), [record('kept 1', 'pass')], [{ fullName: 'kept', state: 'passed' }], 'new')
    expect(plan.obsolete).toEqual(['gone 1'])
  })

  it('calls an entry obsolete when its test passed without asserting it (an assertion was removed)', () => {
    const tests: TestInRun[] = [{ fullName: 'det', state: 'passed' }]
    const plan = planFileChanges(stored('det 1', 'det 2'), [record('det 1', 'pass')], tests, 'new')
    expect(plan.obsolete).toEqual(['det 2'])
  })

  it('keeps entries of tests that failed, were skipped or are pending: they may not have reached the assertion', () => {
    const tests: TestInRun[] = [
      { fullName: 'f', state: 'failed' },
      { fullName: 's', state: 'skipped' },
      { fullName: 'p', state: 'pending' },
    ]
    expect(planFileChanges(stored('f 1', 's 1', 'p 1'), [], tests, 'all').obsolete).toEqual([])
  })

  it('never calls an asserted entry obsolete, whatever the test did', () => {
    const plan = planFileChanges(stored('det 1'), [record('det 1', 'missing')], [], 'all')
    expect(plan.obsolete).toEqual([])
  })

  it('lists obsolete entries sorted, and removes them only when updating all', () => {
    const file = stored('z 1', 'a 1', 'm 1')
    expect(planFileChanges(file, [], [], 'all')).toEqual({ write: {}, obsolete: ['a 1', 'm 1', 'z 1'], remove: ['a 1', 'm 1', 'z 1'] })
    expect(planFileChanges(file, [], [], 'new')).toEqual({ write: {}, obsolete: ['a 1', 'm 1', 'z 1'], remove: [] })
    expect(planFileChanges(file, [], [], 'none')).toEqual({ write: {}, obsolete: ['a 1', 'm 1', 'z 1'], remove: [] })
  })
})

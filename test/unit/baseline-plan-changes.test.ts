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
    const records = [
      record('n 1', 'new'),
      record('u 1', 'updated'),
      record('p 1', 'pass'),
      record('r 1', 'regressed'),
      record('m 1', 'missing'),
      record('i 1', 'improved'),
    ]
    const plan = planFileChanges(undefined, records, [], 'new', true)
    expect(Object.keys(plan.write)).toEqual(['n 1', 'u 1'])
    expect(plan.write['n 1']).toBe(records[0]!.entry)
  })

  it('writes nothing for a new record that carries no entry', () => {
    expect(planFileChanges(undefined, [record('n 1', 'new', false)], [], 'new', true).write).toEqual({})
  })

  it('calls an entry obsolete when no test of its name exists any more', () => {
    const plan = planFileChanges(stored('gone 1', 'kept 1'), [record('kept 1', 'pass')], [{ fullName: 'kept', state: 'passed' }], 'new', true)
    expect(plan.obsolete).toEqual(['gone 1'])
  })

  it('calls an entry obsolete when its test passed without asserting it (an assertion was removed)', () => {
    const tests: TestInRun[] = [{ fullName: 'det', state: 'passed' }]
    const plan = planFileChanges(stored('det 1', 'det 2'), [record('det 1', 'pass')], tests, 'new', true)
    expect(plan.obsolete).toEqual(['det 2'])
  })

  it('keeps entries of tests that failed, were skipped or are pending: they may not have reached the assertion', () => {
    const tests: TestInRun[] = [
      { fullName: 'f', state: 'failed' },
      { fullName: 's', state: 'skipped' },
      { fullName: 'p', state: 'pending' },
    ]
    expect(planFileChanges(stored('f 1', 's 1', 'p 1'), [], tests, 'all', true).obsolete).toEqual([])
  })

  it('never calls an asserted entry obsolete, whatever the test did', () => {
    const plan = planFileChanges(stored('det 1'), [record('det 1', 'missing')], [], 'all', true)
    expect(plan.obsolete).toEqual([])
  })

  it('lists obsolete entries sorted, and removes them only when updating all', () => {
    const file = stored('z 1', 'a 1', 'm 1')
    expect(planFileChanges(file, [], [], 'all', true)).toEqual({ write: {}, obsolete: ['a 1', 'm 1', 'z 1'], remove: ['a 1', 'm 1', 'z 1'] })
    expect(planFileChanges(file, [], [], 'new', true)).toEqual({ write: {}, obsolete: ['a 1', 'm 1', 'z 1'], remove: [] })
    expect(planFileChanges(file, [], [], 'none', true)).toEqual({ write: {}, obsolete: ['a 1', 'm 1', 'z 1'], remove: [] })
  })

  it('makes nothing obsolete in a file that did not run to the end (an import that threw, a file skipped whole)', () => {
    // the import failed: Vitest reports no test at all, and no assertion ran
    const plan = planFileChanges(stored('one 1', 'two 1', 'three 1'), [], [], 'all', false)
    expect(plan).toEqual({ write: {}, obsolete: [], remove: [] })
  })

  it('still writes what a file that did not run to the end recorded', () => {
    const plan = planFileChanges(stored('one 1'), [record('two 1', 'new')], [], 'all', false)
    expect(Object.keys(plan.write)).toEqual(['two 1'])
    expect(plan.remove).toEqual([])
  })

  it("keeps the entries of tests a filter left out (-t, .only: Vitest reports them 'skipped')", () => {
    const tests: TestInRun[] = [
      { fullName: 'one', state: 'passed' },
      { fullName: 'two', state: 'skipped' },
    ]
    expect(planFileChanges(stored('one 1', 'two 1'), [record('one 1', 'updated')], tests, 'all', true).remove).toEqual([])
  })

  it("writes entries whose keys are Object.prototype's names", () => {
    const records = ['__proto__', 'constructor', 'toString'].map((k) => record(k, 'new'))
    const plan = planFileChanges(undefined, records, [], 'new', true)
    expect(Object.keys(plan.write)).toEqual(['__proto__', 'constructor', 'toString'])
    expect(Object.hasOwn(plan.write, '__proto__')).toBe(true)
  })
})

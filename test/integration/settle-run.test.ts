/**
 * The end of a run in the main process, on a temporary project: what it
 * writes, and when it fails the run (a file it could not write, two tests on
 * one entry key) instead of printing a line and exiting 0.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { GateRecord } from '../../src/types/index.js'
import type { WorkerConfig } from '../../src/vitest/options.js'
import { settleRun, type ModuleOutcome } from '../../src/vitest/settle-run.js'
import { valueEntry } from '../unit/entry-factory.js'

let root: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'perfgate-settle-'))
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

const config = (): WorkerConfig => ({
  root,
  baselineDir: 'baselines',
  testbed: 'tb',
  missingTestbed: 'fail',
  update: 'new',
  confirm: 2,
  unresolved: 'warn',
  profileDefaults: 'gate',
})
const FILE = 'baselines/tb/x.perf.test.ts.json'

function newRecord(key: string, test: string, value: number): GateRecord {
  return { file: FILE, key, test, status: 'new', current: valueEntry(value), entry: valueEntry(value, 'lower', { test }) }
}

function mod(records: GateRecord[], claims: ModuleOutcome['claims']): ModuleOutcome {
  return {
    moduleId: join(root, 'x.perf.test.ts'),
    ranToEnd: true,
    tests: [...new Set(records.map((r) => r.test))].map((fullName) => ({ fullName, state: 'passed' })),
    records,
    claims,
  }
}

describe('settleRun', () => {
  it('writes the new entries and does not fail the run', () => {
    const r = newRecord('a 1', 'a', 1)
    const out = settleRun(config(), [mod([r], [{ key: 'a 1', testId: 't1', where: 'x.perf.test.ts:2:1 ("a")' }])])
    expect(out.failed).toBe(false)
    expect(out.text).toContain(`Baselines written: ${FILE}`)
    expect(Object.keys(JSON.parse(readFileSync(join(root, FILE), 'utf8')).entries)).toEqual(['a 1'])
  })

  it('fails the run when two tests recorded the same key, naming both, and writes neither', () => {
    const records = [newRecord('a > b 1', 'a > b', 1), newRecord('a > b 1', 'a > b', 2), newRecord('c 1', 'c', 3)]
    const claims = [
      { key: 'a > b 1', testId: 't1', where: 'x.perf.test.ts:3:3 ("a > b")' },
      { key: 'a > b 1', testId: 't2', where: 'x.perf.test.ts:5:1 ("a > b")' },
      { key: 'c 1', testId: 't3', where: 'x.perf.test.ts:6:1 ("c")' },
    ]
    const out = settleRun(config(), [mod(records, claims)])
    expect(out.failed).toBe(true)
    expect(out.text).toContain(
      `Two assertions record the same baseline entry "a > b 1" in ${FILE}: x.perf.test.ts:3:3 ("a > b") and x.perf.test.ts:5:1 ("a > b").`,
    )
    expect(Object.keys(JSON.parse(readFileSync(join(root, FILE), 'utf8')).entries)).toEqual(['c 1'])
  })

  it('fails the run when the baseline cannot be written, naming the file and why', () => {
    writeFileSync(join(root, 'baselines'), 'a file, not a folder')
    const out = settleRun(config(), [mod([newRecord('a 1', 'a', 1)], [])])
    expect(out.failed).toBe(true)
    expect(out.text).toContain(`perfgate: Could not write baseline file ${FILE}: ENOTDIR`)
  })

  it('keeps every entry of a file that did not run to the end, even under -u', () => {
    const first = settleRun(config(), [mod([newRecord('one 1', 'one', 1), newRecord('two 1', 'two', 2)], [])])
    expect(first.failed).toBe(false)
    const broken: ModuleOutcome = { moduleId: join(root, 'x.perf.test.ts'), ranToEnd: false, tests: [], records: [] }
    const out = settleRun({ ...config(), update: 'all' }, [broken])
    expect(out).toEqual({ text: null, failed: false })
    expect(Object.keys(JSON.parse(readFileSync(join(root, FILE), 'utf8')).entries)).toEqual(['one 1', 'two 1'])
    expect(existsSync(`${join(root, FILE)}.lock`)).toBe(false)
  })
})

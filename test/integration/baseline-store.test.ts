/**
 * Baseline file access through one interface: the working tree's store reads,
 * saves (locked read-modify-write) and removes; the reader of a git commit reads
 * the file as it was committed, on a real temporary repository.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { baselineReader, commitReader, workingTreeStore } from '../../src/baseline/baseline-store.js'
import { formatBaselineJson } from '../../src/baseline/format.js'
import { entryMap } from '../../src/baseline/merge.js'
import { baselineFile, valueEntry } from '../unit/entry-factory.js'

let root: string
let file: string
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim()
const one = valueEntry(1, 'lower', { test: 'one' })
const two = valueEntry(2, 'lower', { test: 'two' })
const writing =
  (key: string, entry = one) =>
  () => ({ write: Object.assign(entryMap(), { [key]: entry }), remove: [] })
const keys = (read: ReturnType<ReturnType<typeof baselineReader>['read']>) => (read.state === 'ok' ? Object.keys(read.data.entries).sort() : read.state)

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'perfgate-store-'))
  mkdirSync(join(root, 'baselines'))
  file = join(root, 'baselines', 'x.json')
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('workingTreeStore', () => {
  it('saves under the lock against the newest file, reads what it saved and removes the file', () => {
    const store = workingTreeStore(root)
    expect(store.read(file, 'baselines/x.json')).toEqual({ state: 'missing' })
    expect(store.save(file, 'baselines/x.json', writing('one 1'))).toEqual({ outcome: 'written', replaced: [] })
    // another process's entry, written between this run's first read and its locked write, is kept
    let calls = 0
    const result = store.save(file, 'baselines/x.json', (existing) => {
      calls++
      if (calls === 1) writeFileSync(file, formatBaselineJson(baselineFile({ ...existing!.entries, 'two 1': two })))
      return writing('three 1')()
    })
    expect(result).toEqual({ outcome: 'written', replaced: [] })
    expect(keys(store.read(file, 'baselines/x.json'))).toStrictEqual(['one 1', 'three 1', 'two 1'])
    store.remove(file)
    expect(existsSync(file)).toBe(false)
  })
})

describe('commitReader', () => {
  beforeEach(() => {
    git('init', '-q', '-b', 'main')
    git('config', 'user.email', 'test@example.com')
    git('config', 'user.name', 'perfgate test')
    git('config', 'commit.gpgsign', 'false')
    writeFileSync(file, formatBaselineJson(baselineFile({ 'one 1': one })))
    git('add', '.')
    git('commit', '-q', '-m', 'baseline')
    writeFileSync(file, formatBaselineJson(baselineFile({ 'one 1': one, 'two 1': two })))
  })

  it('reads the file as committed, while the working tree store reads it as edited', () => {
    const commit = git('rev-parse', 'HEAD')
    expect(keys(commitReader(root, commit).read(file, 'baselines/x.json'))).toStrictEqual(['one 1'])
    expect(keys(baselineReader(root, commit).read(file, 'baselines/x.json'))).toStrictEqual(['one 1'])
    expect(keys(baselineReader(root, undefined).read(file, 'baselines/x.json'))).toStrictEqual(['one 1', 'two 1'])
    expect(commitReader(root, commit).read(join(root, 'baselines', 'y.json'), 'baselines/y.json')).toEqual({ state: 'missing' })
  })
})

import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lockPathFor, withFileLock } from '../../src/baseline/file-lock.js'
import { formatBaselineJson } from '../../src/baseline/format.js'
import { entryMap } from '../../src/baseline/merge.js'
import { removeStaleTempFiles, tempFileOwner } from '../../src/baseline/stale-temp-files.js'
import { readBaselineFile, updateBaselineFile, writeBaselineFile } from '../../src/baseline/store.js'
import { describeWriteFailure } from '../../src/baseline/write-failure-hint.js'
import { PerfgateError } from '../../src/errors.js'
import { baselineFile, valueEntry } from './entry-factory.js'

let root: string
let outside: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'perfgate-update-'))
  outside = mkdtempSync(join(tmpdir(), 'perfgate-outside-'))
})
afterEach(() => {
  rmSync(root, { recursive: true, force: true })
  rmSync(outside, { recursive: true, force: true })
})

/** A pid that no process has any more: a child that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!
}

function caught(fn: () => unknown): PerfgateError {
  try {
    fn()
  } catch (err) {
    return err as PerfgateError
  }
  throw new Error('expected a throw')
}

const one = valueEntry(1, 'lower', { test: 'one' })
const two = valueEntry(2, 'lower', { test: 'two' })
const write =
  (key: string, entry = one) =>
  () => ({ write: Object.assign(entryMap(), { [key]: entry }), remove: [] })

describe('updateBaselineFile', () => {
  it('plans against the file as it is under the lock, so an entry written by another run in between is kept', () => {
    const file = join(root, 'baselines', 'x.json')
    let calls = 0
    const result = updateBaselineFile(file, 'baselines/x.json', root, (existing) => {
      calls++
      // between the first read and the locked one, another process writes its entry
      if (calls === 1) writeBaselineFile(file, baselineFile({ 'two 1': two }), root)
      return { write: Object.assign(entryMap(), { 'one 1': one }), remove: existing ? [] : ['never'] }
    })
    expect(result).toEqual({ outcome: 'written', replaced: [] })
    expect(calls).toBe(2)
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).entries)).toEqual(['one 1', 'two 1'])
    expect(existsSync(lockPathFor(file))).toBe(false)
  })

  it('never overwrites a file that is invalid when read again under the lock', () => {
    const file = join(root, 'x.json')
    let calls = 0
    const result = updateBaselineFile(file, 'x.json', root, () => {
      if (++calls === 1) writeFileSync(file, '{ "perfgate": 1, <<<<<<< HEAD')
      return write('one 1')()
    })
    expect(result).toMatchObject({ outcome: 'invalid', message: expect.stringContaining('Invalid baseline file x.json: it is not valid JSON') })
    expect(readFileSync(file, 'utf8')).toBe('{ "perfgate": 1, <<<<<<< HEAD')
  })

  it('replaces an invalid entry with the re-recorded one, keeps other invalid entries as stored, and says which it replaced', () => {
    const file = join(root, 'x.json')
    writeFileSync(file, JSON.stringify({ perfgate: 1, entries: { 'one 1': { kind: 'value' }, 'other 1': { kind: 'value', x: 1 }, 'two 1': two } }))
    expect(updateBaselineFile(file, 'x.json', root, write('one 1'))).toEqual({ outcome: 'written', replaced: ['one 1'] })
    expect(JSON.parse(readFileSync(file, 'utf8')).entries).toEqual({ 'one 1': one, 'other 1': { kind: 'value', x: 1 }, 'two 1': two })
  })

  it('stores an entry named __proto__ and reads it back', () => {
    const file = join(root, 'x.json')
    updateBaselineFile(file, 'x.json', root, write('__proto__'))
    updateBaselineFile(file, 'x.json', root, write('constructor', two))
    expect(readFileSync(file, 'utf8')).toContain('"__proto__": {')
    const read = readBaselineFile(file)
    expect(read.state === 'ok' && Object.keys(read.data.entries).sort()).toEqual(['__proto__', 'constructor'])
  })

  it('does nothing, and creates no folder, when the plan changes nothing', () => {
    const file = join(root, 'baselines', 'x.json')
    expect(updateBaselineFile(file, 'x.json', root, () => ({ write: entryMap(), remove: [] }))).toEqual({ outcome: 'unchanged' })
    expect(existsSync(join(root, 'baselines'))).toBe(false)
  })

  it('names the file, the errno and the fix when a part of the path is a regular file', () => {
    writeFileSync(join(root, 'baselines'), 'a file')
    const err = caught(() => updateBaselineFile(join(root, 'baselines', 'e2e', 'x.json'), 'baselines/e2e/x.json', root, write('one 1')))
    expect(err).toBeInstanceOf(PerfgateError)
    expect(err.code).toBe('BASELINE_WRITE_FAILED')
    expect(err.message).toMatch(/^Could not write baseline file baselines\/e2e\/x.json: ENOTDIR/)
    expect(err.message).toContain('A part of the path is a regular file, not a folder: move that file away, or point `baselineDir` at a folder.')
    expect(err.cause).toBeInstanceOf(Error)
  })

  it('refuses a symlinked folder that leads out of the project, before writing anything', () => {
    symlinkSync(outside, join(root, 'baselines'))
    const err = caught(() => updateBaselineFile(join(root, 'baselines', 'x.json'), 'baselines/x.json', root, write('one 1')))
    expect(err.code).toBe('BASELINE_OUTSIDE_ROOT')
    expect(err.message).toContain(`(really ${join(outside, 'x.json')})`)
    expect(readdirSync(outside)).toEqual([])
  })

  it('keeps the mode of the file it replaces', () => {
    const file = join(root, 'x.json')
    writeBaselineFile(file, baselineFile({ 'two 1': two }), root)
    chmodSync(file, 0o444)
    updateBaselineFile(file, 'x.json', root, write('one 1'))
    expect(statSync(file).mode & 0o777).toBe(0o444)
    expect(readFileSync(file, 'utf8')).toBe(formatBaselineJson(baselineFile({ 'one 1': one, 'two 1': two })))
  })

  it('removes the temporary files that dead processes left in the folder, and keeps the others', () => {
    const dir = join(root, 'baselines')
    mkdirSync(dir)
    const dead = `.abc123.${deadPid()}.tmp`
    const mine = `.def456.${process.pid}.tmp`
    for (const n of [dead, mine, 'notes.tmp']) writeFileSync(join(dir, n), '{')
    updateBaselineFile(join(dir, 'x.json'), 'x.json', root, write('one 1'))
    expect(readdirSync(dir).sort()).toEqual([mine, 'notes.tmp', 'x.json'].sort())
  })
})

describe('withFileLock', () => {
  it('takes over the lock of a process that died', () => {
    const file = join(root, 'x.json')
    writeFileSync(lockPathFor(file), `${deadPid()}:gone`)
    expect(withFileLock(file, () => 'ran', 2_000)).toBe('ran')
    expect(existsSync(lockPathFor(file))).toBe(false)
  })

  it('gives up after the bounded wait on a live owner, naming the lock file and the owner', () => {
    const file = join(root, 'x.json')
    writeFileSync(lockPathFor(file), `${process.pid}:someone-else`)
    const err = caught(() => withFileLock(file, () => 'ran', 50))
    expect(err.code).toBe('BASELINE_LOCK_TIMEOUT')
    expect(err.message).toBe(
      `Could not lock baseline file: ${lockPathFor(file)} is held by process ${process.pid} and was not released within 50 ms. ` +
        `Another perfgate run is writing this baseline; wait for it to finish, or, if no perfgate or vitest process is running, delete ${lockPathFor(file)}.`,
    )
    expect(readFileSync(lockPathFor(file), 'utf8')).toBe(`${process.pid}:someone-else`)
  })

  it('releases the lock when the work throws', () => {
    const file = join(root, 'x.json')
    expect(() =>
      withFileLock(file, () => {
        throw new Error('boom')
      }),
    ).toThrow('boom')
    expect(existsSync(lockPathFor(file))).toBe(false)
  })
})

describe('temporary file names', () => {
  it('carry the pid of the writer', () => {
    expect(tempFileOwner('.k3j2.1234.tmp')).toBe(1234)
    expect(tempFileOwner('x.json')).toBeUndefined()
    expect(tempFileOwner('.1234.tmp')).toBeUndefined()
  })

  it('are removed only when their writer is gone', () => {
    const dir = join(root, 'd')
    mkdirSync(dir)
    for (const n of ['.a.1.tmp', '.b.2.tmp']) writeFileSync(join(dir, n), '')
    expect(removeStaleTempFiles(dir, (pid) => pid === 2)).toEqual(['.a.1.tmp'])
    expect(readdirSync(dir)).toEqual(['.b.2.tmp'])
    expect(removeStaleTempFiles(join(root, 'none'))).toEqual([])
  })
})

describe('describeWriteFailure', () => {
  const errno = (code: string) => Object.assign(new Error(`${code}: something, open 'x'`), { code })
  it('explains the errno codes of a failed write, naming the option', () => {
    expect(describeWriteFailure(errno('EISDIR'), 'the `html` option')).toEqual({
      reason: "EISDIR: something, open 'x'",
      fix: 'The path names a folder: point the `html` option at a file path, or remove the folder.',
    })
    expect(describeWriteFailure(errno('EACCES'), 'x').fix).toMatch(/^Permission denied/)
    expect(describeWriteFailure(errno('EWHAT'), '`baselineDir`').fix).toBe('Check that `baselineDir` names a writable location.')
  })
})

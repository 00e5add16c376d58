import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatBaselineJson } from '../../src/baseline/format.js'
import { baselinePathFor, DEFAULT_BASELINE_DIR, displayPath, otherTestbedsWithFile, readBaselineFile, writeBaselineFile } from '../../src/baseline/store.js'
import { PerfgateError } from '../../src/errors.js'
import { baselineFile, profileEntry } from './entry-factory.js'

let root: string

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'perfgate-store-'))
})

afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

const data = baselineFile({ 'det 1': profileEntry({ 'latency.p95': 1000 / 10.4 }, { latency: [9, 10, 12] }) })

describe('baselinePathFor and displayPath', () => {
  it('mirrors the test file under the baseline folder and the testbed, adding .json', () => {
    expect(DEFAULT_BASELINE_DIR).toBe('baselines')
    const file = baselinePathFor('/proj', 'baselines', 'linux-x64-ci', '/proj/test/det.perf.test.ts')
    expect(file).toBe('/proj/baselines/linux-x64-ci/test/det.perf.test.ts.json')
    expect(displayPath('/proj', file)).toBe('baselines/linux-x64-ci/test/det.perf.test.ts.json')
  })

  it('keeps the baseline of a test file outside the root inside the baseline folder', () => {
    expect(baselinePathFor('/proj', 'baselines', 'tb', '/elsewhere/x.test.ts')).toBe('/proj/baselines/tb/elsewhere/x.test.ts.json')
  })

  it('finds the other testbeds that have a baseline for a test file', () => {
    for (const tb of ['a', 'b', 'c']) mkdirSync(join(root, 'baselines', tb, 'test'), { recursive: true })
    writeFileSync(join(root, 'baselines', 'a', 'test', 'x.test.ts.json'), '{}')
    writeFileSync(join(root, 'baselines', 'c', 'test', 'x.test.ts.json'), '{}')
    expect(otherTestbedsWithFile(root, 'baselines', 'b', join(root, 'test', 'x.test.ts'))).toEqual(['a', 'c'])
    expect(otherTestbedsWithFile(root, 'baselines', 'a', join(root, 'test', 'x.test.ts'))).toEqual(['c'])
    expect(otherTestbedsWithFile(root, 'nowhere', 'a', join(root, 'test', 'x.test.ts'))).toEqual([])
  })
})

describe('writeBaselineFile', () => {
  it('writes the deterministic JSON, creating missing folders', () => {
    const file = join(root, 'baselines', 'test', 'det.perf.test.ts.json')
    writeBaselineFile(file, data, root)
    expect(readFileSync(file, 'utf8')).toBe(formatBaselineJson(data))
  })

  it('replaces the file whole and leaves no temporary file behind', () => {
    const file = join(root, 'baselines', 'det.json')
    writeBaselineFile(file, baselineFile({ 'other 1': profileEntry({ 'latency.p50': 1 }) }), root)
    writeBaselineFile(file, data, root)
    expect(readFileSync(file, 'utf8')).toBe(formatBaselineJson(data))
    expect(readdirSync(join(root, 'baselines'))).toEqual(['det.json'])
  })

  it('removes its temporary file when the final rename fails', () => {
    // A folder where the file should go makes the rename fail (EISDIR / ENOTEMPTY).
    const file = join(root, 'baselines', 'det.json')
    mkdirSync(join(file, 'in-the-way'), { recursive: true })
    expect(() => writeBaselineFile(file, data, root)).toThrow()
    expect(readdirSync(join(root, 'baselines'))).toEqual(['det.json'])
  })

  it('refuses to write outside the project root', () => {
    const outside = join(root, '..', `${root.split(/[/\\]/).pop()}-outside.json`)
    let err: unknown
    try {
      writeBaselineFile(outside, data, root)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(PerfgateError)
    expect((err as PerfgateError).code).toBe('BASELINE_OUTSIDE_ROOT')
    expect((err as PerfgateError).message).toBe(
      `Refusing to write baseline ${outside}: it is outside the project root ${root}. Set \`baselineDir\` to a folder inside the project.`,
    )
    expect(existsSync(outside)).toBe(false)
  })

  it('deletes the file when there is nothing left to store, and does not mind if it is already gone', () => {
    const file = join(root, 'baselines', 'det.json')
    writeBaselineFile(file, data, root)
    writeBaselineFile(file, null, root)
    expect(existsSync(file)).toBe(false)
    expect(() => writeBaselineFile(file, null, root)).not.toThrow()
  })
})

describe('readBaselineFile', () => {
  it("is 'missing' when there is no file", () => {
    expect(readBaselineFile(join(root, 'none.json'))).toEqual({ state: 'missing' })
  })

  it("is 'ok' with the data of a valid file (as written, numbers rounded)", () => {
    const file = join(root, 'baselines', 'det.json')
    writeBaselineFile(file, data, root)
    const read = readBaselineFile(file, 'baselines/det.json')
    expect(read.state).toBe('ok')
    expect(read).toHaveProperty(['data', 'entries', 'det 1', 'metrics'], { 'latency.p95': 96.1538 })
  })

  it("is 'invalid' for a file that is not JSON, without throwing", () => {
    const file = join(root, 'det.json')
    writeFileSync(file, '{\n<<<<<<< HEAD\n')
    const read = readBaselineFile(file, 'baselines/det.json')
    expect(read.state).toBe('invalid')
    const message = (read as { message: string }).message
    expect(message.startsWith('Invalid baseline file baselines/det.json: it is not valid JSON (')).toBe(true)
    expect(message.endsWith('perfgate left it untouched. Fix it by hand (a merge conflict?) or delete it and record again with `npx vitest run -u`.')).toBe(
      true,
    )
  })

  it("is 'invalid' for a top level that breaks the schema, naming the field", () => {
    const file = join(root, 'det.json')
    writeFileSync(file, JSON.stringify({ perfgate: 2, entries: {} }))
    expect(readBaselineFile(file, 'baselines/det.json')).toEqual({
      state: 'invalid',
      message:
        'Invalid baseline file baselines/det.json: field perfgate must be 1. ' +
        'perfgate left it untouched. Fix the field by hand or delete the file and record again with `npx vitest run -u`.',
    })
    writeFileSync(file, JSON.stringify({ perfgate: 1, entries: [] }))
    expect(readBaselineFile(file, 'baselines/det.json')).toMatchObject({ state: 'invalid', message: expect.stringContaining('field entries must be object') })
  })

  it('keeps the valid entries of a file with one invalid entry, and names the invalid one with its field', () => {
    const file = join(root, 'det.json')
    const good = JSON.parse(formatBaselineJson(data.entries['det 1'])) as unknown
    writeFileSync(file, JSON.stringify({ perfgate: 1, entries: { 'det 1': { kind: 'profile' }, 'det 2': good } }))
    const read = readBaselineFile(file, 'baselines/det.json')
    expect(read).toEqual({
      state: 'ok',
      data: { perfgate: 1, entries: { 'det 2': good } },
      invalidEntries: {
        'det 1': {
          raw: { kind: 'profile' },
          message:
            'Invalid entry "det 1" in baseline file baselines/det.json: field entries["det 1"].test is missing. ' +
            'perfgate left it untouched. Re-record it with `npx vitest run -u` (this replaces only the invalid entry), or fix the field by hand.',
        },
      },
    })
  })

  it("is 'invalid' when the path cannot be read, and shows the path itself by default", () => {
    const dir = join(root, 'a-folder.json')
    mkdirSync(dir)
    const read = readBaselineFile(dir)
    expect(read.state).toBe('invalid')
    expect((read as { message: string }).message).toMatch(new RegExp(`^Cannot read baseline file ${dir.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}: EISDIR`))
  })
})

/**
 * Baseline files on disk: where they live, reading with validation, and
 * atomic writes (temp file + rename), so a crash never leaves a truncated file.
 * Only the main Vitest process (and the CLI) write; workers only read. Writers
 * of one file in different processes take turns under the file's lock.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { errorMessage, PerfgateError, perfgateError } from '../errors.js'
import type { BaselineFile } from '../types/index.js'
import { withFileLock } from './file-lock.js'
import { formatBaselineJson } from './format.js'
import { outsideRoot } from './inside-root.js'
import { mergeBaseline, replacedInvalidEntries, type BaselineChanges } from './merge.js'
import { parseBaselineText, type BaselineRead } from './parse.js'
import { removeStaleTempFiles, tempFileName } from './stale-temp-files.js'
import { describeWriteFailure } from './write-failure-hint.js'

export type { BaselineRead } from './parse.js'

/** Default folder for baseline files, relative to the project root. */
export const DEFAULT_BASELINE_DIR = 'baselines'

function testFileKey(root: string, testFile: string): string {
  const rel = relative(root, testFile)
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? testFile.replace(/^[/\\]+/, '').replace(/[:]/g, '') : rel
}

/** `<root>/<baselineDir>/<testbed>/<test file relative to root>.json`: baselines are kept apart per testbed. */
export function baselinePathFor(root: string, baselineDir: string, testbed: string, testFile: string): string {
  return resolve(root, baselineDir, testbed, `${testFileKey(root, testFile)}.json`)
}

/** Testbeds other than `testbed` that hold a baseline file for `testFile`, sorted. */
export function otherTestbedsWithFile(root: string, baselineDir: string, testbed: string, testFile: string): string[] {
  const dir = resolve(root, baselineDir)
  let names: string[]
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
  } catch {
    return []
  }
  return names.filter((n) => n !== testbed && existsSync(baselinePathFor(root, baselineDir, n, testFile))).sort()
}

/** Path shown to users: relative to the root, POSIX separators. */
export function displayPath(root: string, file: string): string {
  return relative(root, file).split(sep).join('/')
}

/** Reads and validates one baseline file (the top level as a whole, each entry on its own); never throws for a bad file. */
export function readBaselineFile(file: string, shownAs: string = file): BaselineRead {
  if (!existsSync(file)) return { state: 'missing' }
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    return { state: 'invalid', message: errorMessage('BASELINE_UNREADABLE', { file: shownAs, detail: String((err as Error).message) }) }
  }
  return parseBaselineText(text, shownAs)
}

/** Refuses a baseline folder outside the project when the plugin is configured, before anything is measured (writes check again). */
export function assertBaselineDirInsideRoot(root: string, baselineDir: string): void {
  assertInsideRoot(resolve(root, baselineDir), root)
}

function assertInsideRoot(file: string, root: string): void {
  const outside = outsideRoot(file, root)
  if (outside !== undefined) throw perfgateError('BASELINE_OUTSIDE_ROOT', { file: outside === file ? file : `${file} (really ${outside})`, root })
}

/** Writes `data` atomically (temp file + rename), keeping the existing file's mode; deletes the file when `data` is null. */
function replaceFile(file: string, data: BaselineFile | null): void {
  if (data === null) {
    rmSync(file, { force: true })
    return
  }
  const dir = dirname(file)
  mkdirSync(dir, { recursive: true })
  removeStaleTempFiles(dir)
  let mode: number | undefined
  try {
    mode = statSync(file).mode & 0o7777
  } catch {
    mode = undefined
  }
  const tmp = join(dir, tempFileName())
  try {
    writeFileSync(tmp, formatBaselineJson(data), { flush: true })
    if (mode !== undefined) chmodSync(tmp, mode)
    renameSync(tmp, file)
  } catch (err) {
    rmSync(tmp, { force: true })
    throw err
  }
}

/** Writes `data` atomically; refuses paths outside `root` (real paths). Deletes the file when `data` is null. */
export function writeBaselineFile(file: string, data: BaselineFile | null, root: string): void {
  assertInsideRoot(file, root)
  replaceFile(file, data)
}

export type BaselineUpdate =
  /** The file on disk is invalid JSON or has a wrong top level: left untouched. */
  | { outcome: 'invalid'; message: string }
  | { outcome: 'unchanged' }
  /** Written (or deleted, when no entry is left); `replaced` lists invalid entries replaced by re-recorded ones. */
  | { outcome: 'written'; replaced: string[] }

/** What a run changes in a file, planned from the file as it is now. */
export type PlanChanges = (existing: BaselineFile | undefined) => BaselineChanges

function isEmpty(changes: BaselineChanges): boolean {
  return Object.keys(changes.write).length === 0 && changes.remove.length === 0
}

/**
 * Applies a run's changes to a baseline file that other processes may be
 * updating at the same time: under the file's lock, the newest file is read
 * again, `plan` is applied to it, and the result replaces the file
 * atomically. A file that is invalid when read again is never overwritten.
 * Throws a PerfgateError naming the file when it cannot be written.
 */
export function updateBaselineFile(file: string, shownAs: string, root: string, plan: PlanChanges): BaselineUpdate {
  const first = readBaselineFile(file, shownAs)
  if (first.state === 'invalid') return { outcome: 'invalid', message: first.message }
  // nothing to change in the file as it is: no folder, no lock
  if (isEmpty(plan(first.state === 'ok' ? first.data : undefined))) return { outcome: 'unchanged' }
  assertInsideRoot(file, root)
  try {
    mkdirSync(dirname(file), { recursive: true })
    return withFileLock(file, () => {
      const read = readBaselineFile(file, shownAs)
      if (read.state === 'invalid') return { outcome: 'invalid', message: read.message }
      const existing = read.state === 'ok' ? read.data : undefined
      const invalidEntries = read.state === 'ok' ? read.invalidEntries : undefined
      const changes = plan(existing)
      if (isEmpty(changes)) return { outcome: 'unchanged' }
      replaceFile(file, mergeBaseline(existing, changes, invalidEntries))
      return { outcome: 'written', replaced: replacedInvalidEntries(invalidEntries, changes) }
    })
  } catch (err) {
    if (err instanceof PerfgateError) throw err
    throw perfgateError('BASELINE_WRITE_FAILED', { file: shownAs, ...describeWriteFailure(err, '`baselineDir`') }, err)
  }
}

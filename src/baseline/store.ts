/**
 * Baseline files on disk: where they live, reading with validation, and
 * atomic writes (temp file + rename), so a crash never leaves a truncated file.
 * Only the main Vitest process (and the CLI) write; workers only read.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { errorMessage, perfgateError } from '../errors.js'
import type { BaselineFile } from '../types/index.js'
import { formatBaselineJson } from './format.js'
import { baselineProblem } from './validate.js'

/** Default folder for baseline files, relative to the project root. */
export const DEFAULT_BASELINE_DIR = 'baselines'

export type BaselineRead =
  | { state: 'missing' }
  | { state: 'ok'; data: BaselineFile }
  | { state: 'invalid'; message: string }

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
    names = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
  } catch {
    return []
  }
  return names.filter((n) => n !== testbed && existsSync(baselinePathFor(root, baselineDir, n, testFile))).sort()
}

/** Path shown to users: relative to the root, POSIX separators. */
export function displayPath(root: string, file: string): string {
  return relative(root, file).split(sep).join('/')
}

/** Reads and validates one baseline file; never throws for a bad file. */
export function readBaselineFile(file: string, shownAs: string = file): BaselineRead {
  if (!existsSync(file)) return { state: 'missing' }
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    return { state: 'invalid', message: errorMessage('BASELINE_UNREADABLE', { file: shownAs, detail: String((err as Error).message) }) }
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    return { state: 'invalid', message: errorMessage('BASELINE_INVALID_JSON', { file: shownAs, detail: (err as Error).message }) }
  }
  const problem = baselineProblem(data, shownAs)
  return problem ? { state: 'invalid', message: problem } : { state: 'ok', data: data as BaselineFile }
}

/** Writes `data` atomically; refuses paths outside `root`. Deletes the file when `data` is null. */
export function writeBaselineFile(file: string, data: BaselineFile | null, root: string): void {
  const rel = relative(root, file)
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) throw perfgateError('BASELINE_OUTSIDE_ROOT', { file, root })
  if (data === null) {
    rmSync(file, { force: true })
    return
  }
  mkdirSync(dirname(file), { recursive: true })
  const tmp = join(dirname(file), `.${Math.random().toString(36).slice(2)}.${process.pid}.tmp`)
  try {
    writeFileSync(tmp, formatBaselineJson(data), { flush: true })
    renameSync(tmp, file)
  } catch (err) {
    rmSync(tmp, { force: true })
    throw err
  }
}

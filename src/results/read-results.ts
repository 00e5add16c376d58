/**
 * Reads the files `perfgate compare` and `perfgate report` take: a results
 * file (the plugin's `json` option) or a profile result (`perfgate profile
 * --json`), validated against its schema. A bad file becomes a message that
 * names the file and the field, never an exception.
 */
import { readFileSync } from 'node:fs'
import { entryFromProfile } from '../baseline/entry.js'
import { errorMessage } from '../errors.js'
import type { BaselineEntry, MetricId, ProfileResult, ResultsFile } from '../types/index.js'
import { schemaProblem } from './validate-results.js'

export interface ComparableEntry {
  /** Matching id: `<baseline file> > <key>`, or the model path of a profile result. */
  id: string
  file: string
  key: string
  test: string
  entry: BaselineEntry
  /** The metrics the gate compared for this entry, when the file says. */
  metrics?: MetricId[]
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; message: string }

export function readJsonFile(path: string, shown: string): ReadResult<unknown> {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    return { ok: false, message: errorMessage('INPUT_UNREADABLE', { file: shown, detail: code === 'ENOENT' ? 'no such file' : (err as Error).message }) }
  }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (err) {
    return { ok: false, message: errorMessage('INPUT_INVALID_JSON', { file: shown, detail: (err as Error).message }) }
  }
}

/** Reads a results file only (for `perfgate report`). */
export function readResultsFile(path: string, shown: string): ReadResult<ResultsFile> {
  const json = readJsonFile(path, shown)
  if (!json.ok) return json
  const problem = schemaProblem('results', json.value)
  if (problem) return { ok: false, message: errorMessage('INPUT_INVALID_FIELD', { file: shown, what: 'results file', ...problem }) }
  return { ok: true, value: json.value as ResultsFile }
}

/** Reads a results file or a profile result as entries to compare. */
export function readComparable(path: string, shown: string): ReadResult<ComparableEntry[]> {
  const json = readJsonFile(path, shown)
  if (!json.ok) return json
  const data = json.value
  const kind = typeof data === 'object' && data !== null ? (data as { kind?: unknown }).kind : undefined
  if (kind === 'results') {
    const problem = schemaProblem('results', data)
    if (problem) return { ok: false, message: errorMessage('INPUT_INVALID_FIELD', { file: shown, what: 'results file', ...problem }) }
    const entries: ComparableEntry[] = []
    for (const r of (data as ResultsFile).results) {
      if (!r.current) continue
      const metrics = r.rows && r.rows.length > 0 ? r.rows.map((row) => row.metric) : undefined
      entries.push({ id: `${r.file} > ${r.key}`, file: r.file, key: r.key, test: r.test, entry: r.current, ...(metrics ? { metrics } : {}) })
    }
    return { ok: true, value: entries }
  }
  if (kind === 'model' || kind === 'function') {
    const problem = schemaProblem('profile-result', data)
    if (problem) return { ok: false, message: errorMessage('INPUT_INVALID_FIELD', { file: shown, what: 'profile result', ...problem }) }
    const result = data as ProfileResult
    const key = result.model?.path ?? 'function'
    return { ok: true, value: [{ id: key, file: shown, key, test: key, entry: entryFromProfile(result, key) }] }
  }
  return { ok: false, message: errorMessage('INPUT_UNKNOWN_KIND', { file: shown }) }
}

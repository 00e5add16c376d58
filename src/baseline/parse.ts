/**
 * Baseline file text to a read result: JSON, then the top level and each
 * entry validated (see checkBaselineEntries). Shared by the working-tree store
 * and the reader of baselines at a git commit.
 */
import { errorMessage } from '../errors.js'
import type { BaselineFile } from '../types/index.js'
import { checkBaselineEntries, type InvalidEntry } from './validate.js'

export type BaselineRead =
  | { state: 'missing' }
  /** `data.entries` holds the valid entries only, in a prototype-free map; the others are in `invalidEntries`. */
  | { state: 'ok'; data: BaselineFile; invalidEntries?: Record<string, InvalidEntry> }
  | { state: 'invalid'; message: string }

export function parseBaselineText(text: string, shownAs: string): BaselineRead {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    return { state: 'invalid', message: errorMessage('BASELINE_INVALID_JSON', { file: shownAs, detail: (err as Error).message }) }
  }
  const checked = checkBaselineEntries(data, shownAs)
  if (!checked.ok) return { state: 'invalid', message: checked.message }
  return Object.keys(checked.invalidEntries).length > 0
    ? { state: 'ok', data: checked.file, invalidEntries: checked.invalidEntries }
    : { state: 'ok', data: checked.file }
}

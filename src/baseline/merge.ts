/**
 * Pure merge of one run's outcome into a baseline file: new and updated
 * entries are written, obsolete ones removed when asked, the rest kept as is.
 */
import type { BaselineEntry, BaselineFile } from '../types/index.js'

export interface BaselineChanges {
  /** Entries to write (new or updated), by key. */
  write: Record<string, BaselineEntry>
  /** Keys to remove. */
  remove: readonly string[]
}

/** Returns the new file content, or null when no entry is left (the file is deleted). */
export function mergeBaseline(existing: BaselineFile | undefined, changes: BaselineChanges): BaselineFile | null {
  const entries: Record<string, BaselineEntry> = { ...(existing?.entries ?? {}) }
  for (const key of changes.remove) delete entries[key]
  Object.assign(entries, changes.write)
  if (Object.keys(entries).length === 0) return null
  return { perfgate: 1, entries }
}

/**
 * Pure merge of one run's outcome into a baseline file: new and updated
 * entries are written, obsolete ones removed when asked, the rest kept as is.
 * Entries live in prototype-free maps: a key like '__proto__' or
 * 'constructor' is an entry like any other.
 */
import type { BaselineEntry, BaselineFile } from '../types/index.js'
import type { InvalidEntry } from './validate.js'

export interface BaselineChanges {
  /** Entries to write (new or updated), by key. */
  write: Record<string, BaselineEntry>
  /** Keys to remove. */
  remove: readonly string[]
}

/** An empty prototype-free map of entries. */
export function entryMap<T = BaselineEntry>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}

/**
 * Returns the new file content, or null when no entry is left (the file is deleted).
 * Entries that failed validation are kept as stored, unless this run writes or removes their key.
 */
export function mergeBaseline(
  existing: BaselineFile | undefined,
  changes: BaselineChanges,
  invalidEntries: Readonly<Record<string, InvalidEntry>> = entryMap(),
): BaselineFile | null {
  const entries = entryMap()
  for (const key of Object.keys(invalidEntries)) entries[key] = invalidEntries[key]!.raw as BaselineEntry
  for (const key of Object.keys(existing?.entries ?? {})) entries[key] = existing!.entries[key]!
  for (const key of changes.remove) delete entries[key]
  for (const key of Object.keys(changes.write)) entries[key] = changes.write[key]!
  if (Object.keys(entries).length === 0) return null
  return { perfgate: 1, entries }
}

/** The invalid entries that `changes` replace with a re-recorded one, sorted. */
export function replacedInvalidEntries(invalidEntries: Readonly<Record<string, InvalidEntry>> | undefined, changes: BaselineChanges): string[] {
  return Object.keys(invalidEntries ?? {})
    .filter((key) => Object.hasOwn(changes.write, key))
    .sort()
}

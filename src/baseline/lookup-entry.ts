/**
 * The stored entry for a key, looked up as an own property only (an entry
 * named 'constructor' or 'toString' must not find Object.prototype's), and
 * what keeps it from being used: an invalid file, or an invalid entry unless
 * this run re-records everything (`-u`), which replaces it.
 */
import type { BaselineEntry, UpdateMode } from '../types/index.js'
import type { BaselineRead } from './parse.js'

export function ownEntry<T>(entries: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return entries !== undefined && Object.hasOwn(entries, key) ? entries[key] : undefined
}

export interface EntryLookup {
  stored?: BaselineEntry
  /** Set when the assertion cannot be judged: the message to fail it with. */
  invalid?: string
}

export function lookupEntry(read: BaselineRead, key: string, update: UpdateMode): EntryLookup {
  if (read.state === 'invalid') return { invalid: read.message }
  if (read.state === 'missing') return {}
  const bad = ownEntry(read.invalidEntries, key)
  if (bad && update !== 'all') return { invalid: bad.message }
  return { stored: ownEntry(read.data.entries, key) }
}

import { describe, expect, it } from 'vitest'
import { mergeBaseline } from '../../src/baseline/merge.js'
import { baselineFile, profileEntry } from './entry-factory.js'

const a = profileEntry({ 'latency.p50': 10 }, {}, { test: 'a' })
const b = profileEntry({ 'latency.p50': 20 }, {}, { test: 'b' })
const b2 = profileEntry({ 'latency.p50': 25 }, {}, { test: 'b' })

describe('mergeBaseline', () => {
  it('creates a file from the new entries when there was none', () => {
    expect(mergeBaseline(undefined, { write: { 'a 1': a }, remove: [] })).toEqual({ perfgate: 1, entries: { 'a 1': a } })
  })

  it('replaces updated entries and keeps the others as they are', () => {
    const merged = mergeBaseline(baselineFile({ 'a 1': a, 'b 1': b }), { write: { 'b 1': b2 }, remove: [] })
    expect(merged).toEqual({ perfgate: 1, entries: { 'a 1': a, 'b 1': b2 } })
  })

  it('removes the keys asked, and an entry written in the same run wins over its removal', () => {
    const merged = mergeBaseline(baselineFile({ 'a 1': a, 'b 1': b }), { write: { 'b 1': b2 }, remove: ['a 1', 'b 1', 'not there'] })
    expect(merged).toEqual({ perfgate: 1, entries: { 'b 1': b2 } })
  })

  it('returns null (delete the file) when no entry is left', () => {
    expect(mergeBaseline(baselineFile({ 'a 1': a }), { write: {}, remove: ['a 1'] })).toBeNull()
    expect(mergeBaseline(undefined, { write: {}, remove: [] })).toBeNull()
  })

  it('leaves the existing file object untouched', () => {
    const existing = baselineFile({ 'a 1': a, 'b 1': b })
    mergeBaseline(existing, { write: { 'c 1': a }, remove: ['a 1'] })
    expect(Object.keys(existing.entries)).toEqual(['a 1', 'b 1'])
  })
})

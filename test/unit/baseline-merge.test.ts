import { describe, expect, it } from 'vitest'
import { mergeBaseline, replacedInvalidEntries } from '../../src/baseline/merge.js'
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

  it("keeps keys named like Object.prototype's members as entries", () => {
    const write = Object.create(null) as Record<string, typeof a>
    write['__proto__'] = a
    const ctor: string = 'constructor'
    write[ctor] = b
    const merged = mergeBaseline(baselineFile({ toString: b }), { write, remove: [] })
    expect(Object.keys(merged!.entries).sort()).toEqual(['__proto__', 'constructor', 'toString'])
    expect(merged!.entries['__proto__']).toBe(a)
    expect(Object.getPrototypeOf(merged!.entries)).toBeNull()
  })

  it('keeps an invalid entry as stored unless the run writes or removes its key', () => {
    const bad = { kind: 'profile' }
    const invalid = { 'bad 1': { raw: bad, message: 'm1' }, 'bad 2': { raw: bad, message: 'm2' }, 'bad 3': { raw: bad, message: 'm3' } }
    const changes = { write: { 'bad 1': a }, remove: ['bad 2'] }
    const merged = mergeBaseline(baselineFile({ 'b 1': b }), changes, invalid)
    expect(merged).toEqual({ perfgate: 1, entries: { 'b 1': b, 'bad 1': a, 'bad 3': bad } })
    expect(replacedInvalidEntries(invalid, changes)).toEqual(['bad 1'])
    expect(replacedInvalidEntries(undefined, changes)).toEqual([])
  })
})

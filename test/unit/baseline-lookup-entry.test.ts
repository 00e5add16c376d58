import { describe, expect, it } from 'vitest'
import { lookupEntry, ownEntry } from '../../src/baseline/lookup-entry.js'
import { parseBaselineText } from '../../src/baseline/parse.js'
import { baselineFile, valueEntry } from './entry-factory.js'

const FILE = 'baselines/x.json'

describe('ownEntry', () => {
  it("finds own entries only, never Object.prototype's members", () => {
    const entries = JSON.parse('{"a 1": 1, "__proto__": 2}') as Record<string, number>
    expect(ownEntry(entries, 'a 1')).toBe(1)
    expect(ownEntry(entries, '__proto__')).toBe(2)
    expect(ownEntry(entries, 'constructor')).toBeUndefined()
    expect(ownEntry(entries, 'toString')).toBeUndefined()
    expect(ownEntry(undefined, 'a 1')).toBeUndefined()
  })
})

describe('lookupEntry', () => {
  const good = valueEntry(1)
  const text = JSON.stringify({ perfgate: 1, entries: { 'good 1': good, 'bad 1': { kind: 'value' } } })
  const read = parseBaselineText(text, FILE)

  it('gives the stored entry, and none for a name of Object.prototype', () => {
    expect(lookupEntry(read, 'good 1', 'new')).toEqual({ stored: good })
    expect(lookupEntry(read, 'constructor', 'new')).toEqual({ stored: undefined })
    expect(lookupEntry({ state: 'ok', data: baselineFile({}) }, 'toString', 'none')).toEqual({ stored: undefined })
  })

  it('fails only the assertion of an invalid entry, unless -u re-records it', () => {
    const bad = lookupEntry(read, 'bad 1', 'new')
    expect(bad.invalid).toBe(
      `Invalid entry "bad 1" in baseline file ${FILE}: field entries["bad 1"].test is missing. ` +
        'perfgate left it untouched. Re-record it with `npx vitest run -u` (this replaces only the invalid entry), or fix the field by hand.',
    )
    expect(lookupEntry(read, 'bad 1', 'none').invalid).toBe(bad.invalid)
    expect(lookupEntry(read, 'bad 1', 'all')).toEqual({ stored: undefined })
  })

  it('fails every assertion of a file that is not valid JSON, even under -u', () => {
    const broken = parseBaselineText('{ <<<<<<<', FILE)
    expect(lookupEntry(broken, 'good 1', 'all').invalid).toMatch(/^Invalid baseline file baselines\/x.json: it is not valid JSON/)
    expect(lookupEntry({ state: 'missing' }, 'good 1', 'all')).toEqual({})
  })
})

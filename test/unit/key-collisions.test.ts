import { describe, expect, it } from 'vitest'
import { findKeyCollisions } from '../../src/baseline/key-collisions.js'
import { EntryKeyRegistry } from '../../src/vitest/key-registry.js'
import { describeTestLocation } from '../../src/vitest/test-location.js'

describe('findKeyCollisions', () => {
  it('finds a key asserted by two tests, naming both', () => {
    const claims = [
      { key: 'a > b 1', testId: 't1', where: 'x.test.ts:3:3 ("a > b")' },
      { key: 'x 1', testId: 't3', where: 'x.test.ts:6:1 ("x")' },
      { key: 'a > b 1', testId: 't2', where: 'x.test.ts:5:1 ("a > b")' },
    ]
    expect(findKeyCollisions(claims)).toEqual([{ key: 'a > b 1', first: 'x.test.ts:3:3 ("a > b")', second: 'x.test.ts:5:1 ("a > b")' }])
  })

  it('lets one test assert a key again (a retry), and reports each other test once', () => {
    const claims = [
      { key: 'k', testId: 't1', where: 'one' },
      { key: 'k', testId: 't1', where: 'one' },
      { key: 'k', testId: 't2', where: 'two' },
      { key: 'k', testId: 't2', where: 'two' },
      { key: 'k', testId: 't3', where: 'three' },
    ]
    expect(findKeyCollisions(claims)).toEqual([
      { key: 'k', first: 'one', second: 'two' },
      { key: 'k', first: 'one', second: 'three' },
    ])
  })

  it('finds nothing when every key has one test', () => {
    expect(
      findKeyCollisions([
        { key: 'a 1', testId: 't1', where: 'a' },
        { key: 'b 1', testId: 't2', where: 'b' },
      ]),
    ).toEqual([])
  })
})

describe('EntryKeyRegistry', () => {
  const run = {}

  it('returns where the key was first asserted when another test asserts it', () => {
    const r = new EntryKeyRegistry()
    expect(r.claim('/p/x.test.ts', run, 'x 1', { testId: 't1', retry: 0, where: 'first' })).toBeUndefined()
    expect(r.claim('/p/x.test.ts', run, 'x 1', { testId: 't2', retry: 0, where: 'second' })).toBe('first')
  })

  it('lets a retry of the same test assert its keys again, but not one try assert a key twice', () => {
    const r = new EntryKeyRegistry()
    expect(r.claim('/p/x.test.ts', run, 'x 1', { testId: 't1', retry: 0, where: 'here' })).toBeUndefined()
    expect(r.claim('/p/x.test.ts', run, 'x 1', { testId: 't1', retry: 1, where: 'here' })).toBeUndefined()
    expect(r.claim('/p/x.test.ts', run, 'x 1', { testId: 't1', retry: 1, where: 'here' })).toBe('here')
  })

  it('keeps test files apart, and starts over on a new run of a file', () => {
    const r = new EntryKeyRegistry()
    expect(r.claim('/p/x.test.ts', run, 'k', { testId: 't1', retry: 0, where: 'x' })).toBeUndefined()
    expect(r.claim('/p/y.test.ts', run, 'k', { testId: 't2', retry: 0, where: 'y' })).toBeUndefined()
    expect(r.claim('/p/x.test.ts', {}, 'k', { testId: 't3', retry: 0, where: 'x again' })).toBeUndefined()
  })
})

describe('describeTestLocation', () => {
  it('gives file:line:column relative to the root, or the test name without a location', () => {
    expect(describeTestLocation('/p', '/p/test/x.test.ts', 'a > b', { line: 3, column: 5 })).toBe('test/x.test.ts:3:5 ("a > b")')
    expect(describeTestLocation('/p', '/p/test/x.test.ts', 'a > b', undefined)).toBe('test "a > b"')
  })
})

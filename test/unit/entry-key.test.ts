import { describe, expect, it } from 'vitest'
import { nextEntryKey } from '../../src/vitest/entry-key.js'

describe('nextEntryKey: keys like snapshot keys', () => {
  it("numbers a test's assertions from 1 in the order they run", () => {
    const test = {}
    expect(nextEntryKey(test, 0, 'detector > 640px')).toBe('detector > 640px 1')
    expect(nextEntryKey(test, 0, 'detector > 640px')).toBe('detector > 640px 2')
    expect(nextEntryKey(test, 0, 'detector > 640px')).toBe('detector > 640px 3')
  })

  it('restarts the count when the test is retried, so a retry asserts the same entries', () => {
    const test = {}
    nextEntryKey(test, 0, 'flaky')
    nextEntryKey(test, 0, 'flaky')
    expect(nextEntryKey(test, 1, 'flaky')).toBe('flaky 1')
    expect(nextEntryKey(test, 1, 'flaky')).toBe('flaky 2')
  })

  it('counts each test on its own, even when two share a name', () => {
    const first = {}
    const second = {}
    expect(nextEntryKey(first, 0, 'same')).toBe('same 1')
    expect(nextEntryKey(second, 0, 'same')).toBe('same 1')
    expect(nextEntryKey(first, 0, 'same')).toBe('same 2')
  })

  it('counts each name on its own within a test', () => {
    const test = {}
    expect(nextEntryKey(test, 0, 'a')).toBe('a 1')
    expect(nextEntryKey(test, 0, 'b')).toBe('b 1')
    expect(nextEntryKey(test, 0, 'a')).toBe('a 2')
  })
})

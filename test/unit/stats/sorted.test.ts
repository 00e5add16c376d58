import { describe, it, expect } from 'vitest'
import { assertFiniteSamples, isSorted, sortSamples } from '../../../src/stats/sorted.js'

describe('sortSamples', () => {
  it('returns an ascending numeric copy without touching the input', () => {
    const input = [10, 9, 1, 100, 2.5]
    const sorted = sortSamples(input)
    // numeric, not lexicographic (lexicographic would put 100 before 2.5)
    expect([...sorted]).toEqual([1, 2.5, 9, 10, 100])
    expect(input).toEqual([10, 9, 1, 100, 2.5])
    expect(sorted).not.toBe(input)
  })

  it('handles empty input and ties', () => {
    expect([...sortSamples([])]).toEqual([])
    expect([...sortSamples([3, 1, 3, 1])]).toEqual([1, 1, 3, 3])
  })

  it.each([NaN, Infinity, -Infinity])('throws TypeError on %s with the offending index', (bad) => {
    expect(() => sortSamples([1, 2, bad])).toThrow(TypeError)
    expect(() => sortSamples([1, 2, bad])).toThrow(/samples\[2\] is .*finite/)
  })
})

describe('isSorted', () => {
  it('accepts non-decreasing finite arrays, including empty and singletons', () => {
    expect(isSorted([])).toBe(true)
    expect(isSorted([5])).toBe(true)
    expect(isSorted([1, 1, 2, 3])).toBe(true)
  })

  it('rejects descending steps and non-finite values', () => {
    expect(isSorted([1, 3, 2])).toBe(false)
    expect(isSorted([1, NaN])).toBe(false)
    expect(isSorted([1, Infinity])).toBe(false)
  })

  it('accepts the output of sortSamples', () => {
    expect(isSorted(sortSamples([4, -1, 0]))).toBe(true)
  })
})

describe('assertFiniteSamples', () => {
  it('names the sample set and index', () => {
    expect(() => assertFiniteSamples([0, NaN], 'baseline')).toThrow('baseline[1] is NaN; every sample must be a finite number')
    expect(() => assertFiniteSamples([0, 1])).not.toThrow()
  })
})

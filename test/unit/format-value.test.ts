/** formatValue: a value in a message as the user wrote it, never NaN or Infinity as "null". */
import { describe, expect, it } from 'vitest'
import { formatValue } from '../../src/errors.js'

describe('formatValue', () => {
  it.each([
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
    [-0, '-0'],
    [2.5, '2.5'],
    [10n, '10n'],
    [Symbol('x'), 'Symbol(x)'],
    [function onTick() {}, 'a function (onTick)'],
    [undefined, 'undefined'],
    [null, 'null'],
    ['10', "'10'"],
    [{ runs: Number.NaN, time: Number.POSITIVE_INFINITY }, '{"runs":NaN,"time":Infinity}'],
    [[1, Number.NEGATIVE_INFINITY, 2n], '[1,-Infinity,2n]'],
    [{ f: () => 1 }, '{"f":[function]}'],
  ])('shows %s as %s', (value, shown) => {
    expect(formatValue(value)).toBe(shown)
  })
})

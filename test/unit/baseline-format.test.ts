import { describe, expect, it } from 'vitest'
import { formatBaselineJson, normalizeForBaseline, roundNumber, SIGNIFICANT_DIGITS } from '../../src/baseline/format.js'

describe('roundNumber', () => {
  it(`keeps ${SIGNIFICANT_DIGITS} significant digits`, () => {
    expect(SIGNIFICANT_DIGITS).toBe(6)
    expect(roundNumber(1.23456789)).toBe(1.23457)
    expect(roundNumber(96.15384615384616)).toBe(96.1538) // 1000 / 10.4 runs/s
    expect(roundNumber(0.000123456789)).toBe(0.000123457)
    expect(roundNumber(1234567.89)).toBe(1234570)
    expect(roundNumber(-2.5)).toBe(-2.5)
    expect(roundNumber(0.1 + 0.2)).toBe(0.3)
  })

  it('keeps integers exactly (below 1e15)', () => {
    expect(roundNumber(123456789)).toBe(123456789)
    expect(roundNumber(0)).toBe(0)
    expect(roundNumber(12345678901234568)).toBe(1.23457e16)
  })

  it('refuses NaN and infinities', () => {
    expect(() => roundNumber(Number.NaN)).toThrow(new TypeError('cannot store a non-finite number (NaN) in a baseline'))
    expect(() => roundNumber(Infinity)).toThrow(new TypeError('cannot store a non-finite number (Infinity) in a baseline'))
  })
})

describe('formatBaselineJson', () => {
  it('sorts keys, rounds numbers, keeps arrays of numbers or strings on one line, and ends with a newline', () => {
    const text = formatBaselineJson({
      perfgate: 1,
      entries: {
        'b test 1': {
          metrics: { throughput: 1000 / 10.4, 'latency.p95': 11.8 },
          samples: { latency: [9, 10, 10.123456789], cpu: [] },
          testbed: { executionProviders: ['cuda', 'cpu'], intraOpNumThreads: null, cores: 8 },
          options: {},
          kept: true,
          dropped: undefined,
        },
        'a test 1': { list: [{ z: 1, a: 2 }, 'x'] },
      },
    })
    expect(text).toMatchInlineSnapshot(`
      "{
        "entries": {
          "a test 1": {
            "list": [
              {
                "a": 2,
                "z": 1
              },
              "x"
            ]
          },
          "b test 1": {
            "kept": true,
            "metrics": {
              "latency.p95": 11.8,
              "throughput": 96.1538
            },
            "options": {},
            "samples": {
              "cpu": [],
              "latency": [9, 10, 10.1235]
            },
            "testbed": {
              "cores": 8,
              "executionProviders": ["cuda", "cpu"],
              "intraOpNumThreads": null
            }
          }
        },
        "perfgate": 1
      }
      "
    `)
    expect(text.endsWith('}\n')).toBe(true)
  })

  it('gives the same bytes whatever the key insertion order', () => {
    const a = formatBaselineJson({ x: 1, y: { b: 2, a: [1, 2] } })
    const b = formatBaselineJson({ y: { a: [1, 2], b: 2 }, x: 1 })
    expect(a).toBe(b)
  })

  it('refuses values JSON cannot hold', () => {
    expect(() => formatBaselineJson({ f: () => 1 })).toThrow(new TypeError('cannot store a value of type function in a baseline'))
    expect(() => formatBaselineJson({ n: 1n })).toThrow(new TypeError('cannot store a value of type bigint in a baseline'))
    expect(() => formatBaselineJson({ x: Number.NaN })).toThrow(TypeError)
  })

  it('writes empty containers and top-level scalars compactly', () => {
    expect(formatBaselineJson({})).toBe('{}\n')
    expect(formatBaselineJson([])).toBe('[]\n')
    expect(formatBaselineJson('x')).toBe('"x"\n')
    expect(formatBaselineJson(null)).toBe('null\n')
  })
})

describe('normalizeForBaseline', () => {
  it('returns the value as it reads back from a file: keys sorted, numbers rounded, undefined dropped', () => {
    const out = normalizeForBaseline({ b: 1.23456789, a: { d: undefined, c: [0.1 + 0.2] } })
    expect(out).toStrictEqual({ a: { c: [0.3] }, b: 1.23457 })
    expect(Object.keys(out)).toEqual(['a', 'b'])
  })
})

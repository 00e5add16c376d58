import { describe, expect, it } from 'vitest'
import { argmaxFloat16Bits, argmaxValues, halfToNumber } from '../../src/measure/generation/greedy-pick.js'

describe('argmaxValues (float32 logits)', () => {
  it('picks the index of the largest value within the row it is given', () => {
    const data = Float32Array.of(9, 9, 9, /* row from 3: */ 0.5, -1, 3.25, 2, /* after the row: */ 100)
    expect(argmaxValues(data, 3, 4)).toBe(2)
    expect(argmaxValues(data, 0, 3)).toBe(0)
  })

  it('takes the first index on ties', () => {
    expect(argmaxValues(Float32Array.of(1, 7, 3, 7, 7), 0, 5)).toBe(1)
  })

  it('never picks a NaN, and a row of NaN or -Infinity picks index 0', () => {
    expect(argmaxValues(Float32Array.of(Number.NaN, -5, Number.NaN, -2), 0, 4)).toBe(3)
    expect(argmaxValues(Float32Array.of(Number.NaN, Number.NaN), 0, 2)).toBe(0)
    expect(argmaxValues(Float32Array.of(-Infinity, -Infinity, -Infinity), 0, 3)).toBe(0)
    expect(argmaxValues(Float32Array.of(-Infinity, Infinity, 3), 0, 3)).toBe(1)
  })
})

describe('halfToNumber', () => {
  it('decodes normal, subnormal, zero, infinite and NaN half-precision bits', () => {
    expect(halfToNumber(0x3c00)).toBe(1)
    expect(halfToNumber(0xc000)).toBe(-2)
    expect(halfToNumber(0x3555)).toBe(0.333251953125)
    expect(halfToNumber(0x7bff)).toBe(65504)
    expect(halfToNumber(0x0001)).toBe(2 ** -24)
    expect(Object.is(halfToNumber(0x8000), -0)).toBe(true)
    expect(halfToNumber(0x7c00)).toBe(Infinity)
    expect(halfToNumber(0xfc00)).toBe(-Infinity)
    expect(halfToNumber(0x7e00)).toBeNaN()
  })
})

describe('argmaxFloat16Bits (float16 logits as Uint16Array bits)', () => {
  it('orders by value, not by bits: negative values have the larger bit patterns', () => {
    // -2, 1, 0.333..., -0, 2 (bit patterns 0xc000 > 0x4000 > 0x3c00)
    expect(argmaxFloat16Bits(Uint16Array.of(0xc000, 0x3c00, 0x3555, 0x8000, 0x4000), 0, 5)).toBe(4)
    expect(argmaxFloat16Bits(Uint16Array.of(0xc000, 0xbc00, 0x8001), 0, 3)).toBe(2)
  })

  it('reads only its row, takes the first index on ties, and skips NaN', () => {
    const data = Uint16Array.of(0x7c00, /* row from 1: */ 0x7e00, 0x3c00, 0x4000, 0x4000, /* after: */ 0x7c00)
    expect(argmaxFloat16Bits(data, 1, 4)).toBe(2)
    expect(argmaxFloat16Bits(Uint16Array.of(0x7e00, 0xfc00), 0, 2)).toBe(0)
  })
})

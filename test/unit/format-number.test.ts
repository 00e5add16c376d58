import { describe, expect, it } from 'vitest'
import { formatNumber, formatPercent, formatSigned, formatWithUnit } from '../../src/report/format-number.js'

describe('formatNumber: about three significant figures, fixed decimals per magnitude', () => {
  it('uses no decimals from 100, one from 10, two from 1', () => {
    expect(formatNumber(1234.5)).toBe('1235')
    expect(formatNumber(100)).toBe('100')
    expect(formatNumber(12.34)).toBe('12.3')
    expect(formatNumber(10)).toBe('10.0')
    expect(formatNumber(1.234)).toBe('1.23')
    expect(formatNumber(1)).toBe('1.00')
  })

  it('uses three significant digits below 1', () => {
    expect(formatNumber(0.0123)).toBe('0.0123')
    expect(formatNumber(0.5)).toBe('0.500')
    expect(formatNumber(0.000012345)).toBe('0.0000123')
  })

  it('keeps the sign, writes zero as 0 and non-finite values as JavaScript does', () => {
    expect(formatNumber(-12.34)).toBe('-12.3')
    expect(formatNumber(-0.5)).toBe('-0.500')
    expect(formatNumber(0)).toBe('0')
    expect(formatNumber(-0)).toBe('0')
    expect(formatNumber(Number.NaN)).toBe('NaN')
    expect(formatNumber(-Infinity)).toBe('-Infinity')
  })
})

describe('formatWithUnit', () => {
  it('appends the unit after a space, or nothing for unitless values', () => {
    expect(formatWithUnit(12.34, 'ms')).toBe('12.3 ms')
    expect(formatWithUnit(96.1538, 'runs/s')).toBe('96.2 runs/s')
    expect(formatWithUnit(42, '')).toBe('42.0')
  })
})

describe('formatSigned', () => {
  it('marks rises with +; falls carry their own -', () => {
    expect(formatSigned(1.234)).toBe('+1.23')
    expect(formatSigned(-2)).toBe('-2.00')
    expect(formatSigned(0)).toBe('0')
  })
})

describe('formatPercent', () => {
  it('writes a signed percentage with one decimal, n/a when there is none', () => {
    expect(formatPercent(12.345)).toBe('+12.3%')
    expect(formatPercent(-20)).toBe('-20.0%')
    expect(formatPercent(0)).toBe('0.0%')
    expect(formatPercent(null)).toBe('n/a')
  })
})

import { describe, expect, it } from 'vitest'
import { parseDims } from '../../src/cli/parse-dims.js'

describe('parseDims: --dims name=value,...', () => {
  it('reads comma-separated name=integer pairs', () => {
    expect(parseDims('batch=4,height=224')).toEqual({ batch: 4, height: 224 })
    expect(parseDims('batch=1')).toEqual({ batch: 1 })
  })

  it('allows spaces around names, values and the equals sign', () => {
    expect(parseDims(' batch = 4 , seq_len=128 ')).toEqual({ batch: 4, seq_len: 128 })
  })

  it('keeps the last value of a repeated name', () => {
    expect(parseDims('batch=1,batch=8')).toEqual({ batch: 8 })
  })

  it.each([
    ['an empty string', ''],
    ['a pair without a value', 'batch='],
    ['a pair without a name', '=4'],
    ['a name alone', 'batch'],
    ['a negative value', 'batch=-1'],
    ['a fraction', 'batch=1.5'],
    ['a word', 'batch=four'],
    ['an empty pair', 'batch=1,,h=2'],
    ['a colon instead of =', 'batch:1'],
  ])('returns null for %s', (_what, text) => {
    expect(parseDims(text)).toBeNull()
  })
})

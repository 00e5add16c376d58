import { describe, expect, it } from 'vitest'
import { parseBusy, positionalArgs } from '../../bench/gate-quality/busy-load.js'

describe('the gate-quality benchmark arguments', () => {
  it('reads --busy K and --busy=K, 0 without it', () => {
    expect(parseBusy(['20', '1'])).toBe(0)
    expect(parseBusy(['20', '1', '--busy', '2'])).toBe(2)
    expect(parseBusy(['--busy=1', '20'])).toBe(1)
    expect(parseBusy(['--busy', '0'])).toBe(0)
  })

  it('keeps the rounds and threads apart from --busy K and the other flags', () => {
    expect(positionalArgs(['20', '--busy', '2', '1', '--reuse'])).toEqual(['20', '1'])
    expect(positionalArgs(['--busy=2', '5'])).toEqual(['5'])
  })
})

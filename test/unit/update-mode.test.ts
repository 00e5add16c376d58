import { describe, expect, it } from 'vitest'
import { resolveUpdateMode } from '../../src/vitest/options.js'

describe('resolveUpdateMode: the update policy, resolved once like snapshots', () => {
  it('records missing entries by default (new)', () => {
    expect(resolveUpdateMode(undefined, false, {})).toBe('new')
  })

  it('lets the explicit plugin option win over everything', () => {
    expect(resolveUpdateMode('none', true, { PERFGATE_UPDATE: 'all', CI: 'true' })).toBe('none')
    expect(resolveUpdateMode('all', false, { CI: 'true' })).toBe('all')
  })

  it('reads PERFGATE_UPDATE (all, new or none); empty means unset', () => {
    expect(resolveUpdateMode(undefined, false, { PERFGATE_UPDATE: 'all' })).toBe('all')
    expect(resolveUpdateMode(undefined, false, { PERFGATE_UPDATE: 'new', CI: 'true' })).toBe('new')
    expect(resolveUpdateMode(undefined, false, { PERFGATE_UPDATE: 'none' })).toBe('none')
    expect(resolveUpdateMode(undefined, true, { PERFGATE_UPDATE: 'none' })).toBe('all') // -u wins
    expect(resolveUpdateMode(undefined, false, { PERFGATE_UPDATE: '' })).toBe('new')
  })

  it('refuses any other PERFGATE_UPDATE, with a suggestion, even where -u or the option decides', () => {
    const message = "Invalid option PERFGATE_UPDATE: got 'al', expected 'all', 'new' or 'none' (did you mean 'all'?); unset it for the default."
    expect(() => resolveUpdateMode(undefined, false, { PERFGATE_UPDATE: 'al' })).toThrow(message)
    expect(() => resolveUpdateMode(undefined, true, { PERFGATE_UPDATE: 'al' })).toThrow(message)
    expect(() => resolveUpdateMode('new', false, { PERFGATE_UPDATE: 'yes' })).toThrow("got 'yes'")
  })

  it('rewrites everything with vitest -u, also in CI', () => {
    expect(resolveUpdateMode(undefined, true, {})).toBe('all')
    expect(resolveUpdateMode(undefined, true, { CI: 'true' })).toBe('all')
  })

  it('records nothing in CI (none) when CI is set to anything but empty, 0 or false', () => {
    expect(resolveUpdateMode(undefined, false, { CI: 'true' })).toBe('none')
    expect(resolveUpdateMode(undefined, false, { CI: '1' })).toBe('none')
    expect(resolveUpdateMode(undefined, false, { CI: 'woodpecker' })).toBe('none')
    expect(resolveUpdateMode(undefined, false, { CI: 'false' })).toBe('new')
    expect(resolveUpdateMode(undefined, false, { CI: 'FALSE' })).toBe('new')
    expect(resolveUpdateMode(undefined, false, { CI: '0' })).toBe('new')
    expect(resolveUpdateMode(undefined, false, { CI: '' })).toBe('new')
  })
})

import { describe, expect, it } from 'vitest'
import { decideGate } from '../../src/compare/gate.js'
import { profileEntry, valueEntry } from './entry-factory.js'

const opts = { metrics: ['latency.p50'] as const }
const stored = profileEntry({ 'latency.p50': 10 })
const same = profileEntry({ 'latency.p50': 10 })
const slower = profileEntry({ 'latency.p50': 15 }) // +50%, no samples: the 10% tolerance decides
const faster = profileEntry({ 'latency.p50': 5 })

describe('decideGate', () => {
  describe("update 'all' (vitest -u, perfgate update)", () => {
    it('records a missing entry as new', () => {
      expect(decideGate(undefined, same, 'all', opts)).toEqual({ status: 'new', pass: true })
    })

    it('rewrites a stored entry without comparing, even a regression or a change of kind', () => {
      expect(decideGate(stored, slower, 'all', opts)).toEqual({ status: 'updated', pass: true })
      expect(decideGate(stored, valueEntry(1), 'all', opts)).toEqual({ status: 'updated', pass: true })
    })
  })

  describe("update 'new' (local default)", () => {
    it('records a missing entry', () => {
      expect(decideGate(undefined, same, 'new', opts)).toEqual({ status: 'new', pass: true })
    })

    it('compares against a stored entry: a regression fails', () => {
      const outcome = decideGate(stored, slower, 'new', opts)
      expect(outcome).toMatchObject({ status: 'regressed', pass: false })
      expect(outcome).toHaveProperty('comparison.rows.0.changePct', 50)
    })

    it('passes an unchanged entry and an improvement', () => {
      expect(decideGate(stored, same, 'new', opts)).toMatchObject({ status: 'pass', pass: true })
      expect(decideGate(stored, faster, 'new', opts)).toMatchObject({ status: 'improved', pass: true })
    })
  })

  describe("update 'none' (CI)", () => {
    it('fails on a missing entry instead of recording it', () => {
      expect(decideGate(undefined, same, 'none', opts)).toEqual({ status: 'missing', pass: false })
    })

    it('compares against a stored entry like new does', () => {
      expect(decideGate(stored, slower, 'none', opts)).toMatchObject({ status: 'regressed', pass: false })
      expect(decideGate(stored, same, 'none', opts)).toMatchObject({ status: 'pass', pass: true })
    })
  })

  it('fails when a stored profile entry is now asserted on a single number (and vice versa), unless updating all', () => {
    expect(decideGate(stored, valueEntry(10), 'new', { metrics: ['value'] })).toEqual({ status: 'kind-changed', pass: false })
    expect(decideGate(valueEntry(10), same, 'none', opts)).toEqual({ status: 'kind-changed', pass: false })
  })
})

import { describe, expect, it } from 'vitest'
import { PerfgateError } from '../../src/errors.js'
import { applyProjectTimeouts, PROFILE_BUDGET_MS, perfTestBudget, perfTestTimeoutMs, perfTimeouts } from '../../src/vitest/test-timeout.js'

describe('the timeout of a perf test', () => {
  it('is the wait for the machine lock plus one profile per measurement: 10 + 3 x 2 minutes by default (confirm 2)', () => {
    expect(perfTestBudget({})).toEqual({ lockWaitMs: 600_000, profileMs: 120_000, confirm: 2 })
    expect(PROFILE_BUDGET_MS).toBe(120_000)
    expect(perfTestTimeoutMs(perfTestBudget({}))).toBe(960_000)
    // confirm: 0, one measurement only
    expect(perfTestTimeoutMs(perfTestBudget({}, 0))).toBe(720_000)
  })

  it('follows PERFGATE_LOCK_TIMEOUT, and refuses a bad one', () => {
    expect(perfTestTimeoutMs(perfTestBudget({ PERFGATE_LOCK_TIMEOUT: '30000' }))).toBe(390_000)
    expect(() => perfTestBudget({ PERFGATE_LOCK_TIMEOUT: 'soon' })).toThrow(PerfgateError)
  })

  it('sets only the timeouts the user has not set', () => {
    expect(perfTimeouts(undefined, 720_000)).toEqual({ testTimeout: 720_000, hookTimeout: 720_000 })
    expect(perfTimeouts({ testTimeout: 7000 }, 720_000)).toEqual({ hookTimeout: 720_000 })
    expect(perfTimeouts({ testTimeout: 0, hookTimeout: 20_000 }, 720_000)).toEqual({})
  })
})

describe('applyProjectTimeouts', () => {
  it("sets a project's timeouts that are still Vitest's defaults, and leaves any other", () => {
    const atDefaults = { testTimeout: 5_000, hookTimeout: 10_000 }
    applyProjectTimeouts(atDefaults, { testTimeout: 960_000, hookTimeout: 960_000 })
    expect(atDefaults).toEqual({ testTimeout: 960_000, hookTimeout: 960_000 })
    const userSet = { testTimeout: 7_000, hookTimeout: 10_000 }
    // the plugin's config() left out the test timeout the user set at the root
    applyProjectTimeouts(userSet, { hookTimeout: 960_000 })
    expect(userSet).toEqual({ testTimeout: 7_000, hookTimeout: 960_000 })
  })
})

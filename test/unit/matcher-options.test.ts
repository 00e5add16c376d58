/**
 * toBeWithinBaseline's options are checked before anything is recorded: a
 * bad option must throw, naming it, and leave no record for the reporter to
 * write (else the next run would reject the whole baseline file). A metrics
 * list that gates nothing is an error, never a pass. The plugin's config
 * (inject) and the current test are stubs; the gate itself is real.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { PerfgateError } from '../../src/errors.js'
import type { WorkerConfig } from '../../src/vitest/options.js'
import { profileEntry } from './entry-factory.js'

const state = vi.hoisted(() => ({ test: { name: 'gated', meta: {} as Record<string, unknown>, result: undefined as unknown } }))

vi.mock('vitest', async (importOriginal) => {
  const original = await importOriginal<typeof import('vitest')>()
  const config: WorkerConfig = {
    root: '/tmp/h-opt-root',
    baselineDir: 'baselines',
    testbed: 'tb',
    missingTestbed: 'fail',
    update: 'new',
    confirm: 2,
    unresolved: 'warn',
    profileDefaults: 'gate',
  }
  return { ...original, inject: () => config, TestRunner: { getCurrentTest: () => state.test } }
})

const { toBeWithinBaseline } = await import('../../src/vitest/matcher.js')
const ctx = { isNot: false, currentTestName: 'gated', testPath: '/tmp/h-opt-root/a.perf.test.ts' }

/** A profile result as the matcher sees it: the factory's entry fields are enough for isProfileResult. */
const result = { ...profileEntry({}), latency: {}, memory: {}, samples: {}, testbed: {} }

function refused(received: unknown, options: object): PerfgateError {
  let caught: unknown
  try {
    toBeWithinBaseline.call(ctx, received, options as never)
  } catch (err) {
    caught = err
  }
  expect(caught).toBeInstanceOf(PerfgateError)
  return caught as PerfgateError
}

beforeEach(() => {
  state.test.meta = {}
})

describe('toBeWithinBaseline options', () => {
  it.each([
    [{ better: 'up' }, 'OPTION_INVALID', "toBeWithinBaseline({ better }): got 'up', expected 'lower' or 'higher'"],
    [{ name: 123 }, 'OPTION_INVALID', 'toBeWithinBaseline({ name }): got 123, expected a non-empty string'],
    [{ tolerence: '5%' }, 'OPTION_UNKNOWN', "toBeWithinBaseline({ tolerence }): did you mean 'tolerance'?"],
    [{ tolerance: '5' }, 'TOLERANCE_INVALID', "Invalid tolerance toBeWithinBaseline({ tolerance }): got '5'"],
    [{ alpha: 5 }, 'OPTION_INVALID', 'toBeWithinBaseline({ alpha }): got 5, expected a finite number between 0 and 1, exclusive'],
    [{ metrics: ['value'] }, 'OPTION_INVALID', 'toBeWithinBaseline({ metrics }): got ["value"], expected no metrics for a single number'],
  ])('refuses %j on a number, recording nothing', (options, code, words) => {
    const err = refused(12.5, options)
    expect(err.code).toBe(code)
    expect(err.message).toContain(words)
    expect(state.test.meta.perfgate).toBeUndefined()
  })

  it('records a valid assertion (the stubs work)', () => {
    expect((toBeWithinBaseline.call(ctx, 12.5, { better: 'higher', name: 'n' }) as { pass: boolean }).pass).toBe(true)
    expect(state.test.meta.perfgate).toHaveLength(1)
  })

  it.each([
    [{ metrics: ['latency.p50x'] }, 'METRIC_UNKNOWN', "Did you mean 'latency.p50'?"],
    [{ metrics: [] }, 'METRICS_EMPTY', 'toBeWithinBaseline({ metrics }) is an empty list'],
    [{ metrics: ['ttft.p95'] }, 'METRICS_NOT_OF_KIND', "toBeWithinBaseline({ metrics }) names 'ttft.p95', which a profile result does not have"],
    [{ better: 'higher' }, 'OPTION_INVALID', "toBeWithinBaseline({ better }): got 'higher', expected no better for a result"],
  ])('refuses %j on a profile result: it would gate nothing, or be ignored', (options, code, words) => {
    const err = refused(result, options)
    expect(err.code).toBe(code)
    expect(err.message).toContain(words)
    expect(state.test.meta.perfgate).toBeUndefined()
  })
})

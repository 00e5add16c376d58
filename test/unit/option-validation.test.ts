/**
 * The one options validator and its specs: unknown names are errors with a
 * "did you mean", every value is checked for type and range, and the message
 * names the option with its path, the value and what is allowed.
 */
import { describe, expect, it } from 'vitest'
import { PerfgateError } from '../../src/errors.js'
import { COMPARE_SPEC, GENERATION_SWEEP_SPEC, LOAD_SPEC, SWEEP_SPEC } from '../../src/options/experiment-specs.js'
import { GENERATE_SPEC } from '../../src/options/generate-spec.js'
import { expectedText, MAX_TIME_MS, type OptionsSpec } from '../../src/options/option-spec.js'
import { PROFILE_SPEC } from '../../src/options/profile-spec.js'
import { closestName, editDistance } from '../../src/options/suggest.js'
import { validateOptions } from '../../src/options/validate-options.js'
import { FASTER_SPEC, MATCHER_SPEC, PLUGIN_SPEC } from '../../src/options/vitest-specs.js'

function failure(spec: OptionsSpec, options: unknown, call: string): PerfgateError {
  try {
    validateOptions(spec, options, call)
  } catch (err) {
    expect(err).toBeInstanceOf(PerfgateError)
    return err as PerfgateError
  }
  throw new Error('expected the options to be refused')
}

describe('editDistance and closestName', () => {
  it('counts inserts, deletes, substitutions and swaps of neighbours', () => {
    expect(editDistance('runs', 'runs')).toBe(0)
    expect(editDistance('runz', 'runs')).toBe(1)
    expect(editDistance('tolerence', 'tolerance')).toBe(1)
    expect(editDistance('rnus', 'runs')).toBe(1)
    expect(editDistance('maxTokens', 'maxNewTokens')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
  })

  it('suggests the closest known name only when it is a plausible typo', () => {
    expect(closestName('runz', ['warmup', 'runs', 'seed'])).toBe('runs')
    expect(closestName('maxTokens', Object.keys(GENERATE_SPEC))).toBe('maxNewTokens')
    expect(closestName('latency.p50x', ['latency.p50', 'latency.p95'])).toBe('latency.p50')
    expect(closestName('al', ['all', 'new', 'none'])).toBe('all')
    expect(closestName('WARMUP', ['warmup'])).toBe('warmup')
    expect(closestName('banana', ['runs', 'seed'])).toBeUndefined()
  })
})

describe('validateOptions', () => {
  it('refuses an unknown option, naming it with its call and suggesting the known one', () => {
    const err = failure(PROFILE_SPEC, { runz: 3 }, 'profile')
    expect(err.code).toBe('OPTION_UNKNOWN')
    expect(err.message).toBe(
      `Unknown option profile({ runz }): did you mean 'runs'? perfgate ignores no option: fix its name or remove it. Known options here: ${Object.keys(PROFILE_SPEC).join(', ')}.`,
    )
  })

  it('names a nested option with its path', () => {
    const err = failure(PROFILE_SPEC, { opProfile: { runz: 3 } }, 'profile')
    expect(err.message).toContain("Unknown option profile({ opProfile.runz }): did you mean 'runs'?")
    expect(failure(PROFILE_SPEC, { opProfile: { runs: 0 } }, 'profile').message).toBe(
      'Invalid option profile({ opProfile.runs }): got 0, expected an integer from 1 to 1000000.',
    )
    expect(failure(PROFILE_SPEC, { opProfile: 'yes' }, 'profile').message).toContain('expected true, false or an object with runs, warmup, top')
  })

  it('names a dimension with its path', () => {
    expect(failure(PROFILE_SPEC, { dims: { batch: -1 } }, 'profile').message).toBe(
      'Invalid option profile({ dims.batch }): got -1, expected a whole number >= 1 (a KV-cache length such as past_sequence_length may be 0).',
    )
  })

  it('gives no suggestion when nothing is close', () => {
    const err = failure(PROFILE_SPEC, { banana: 1 }, 'profile')
    expect(err.message).toMatch(/^Unknown option profile\({ banana }\)\. perfgate ignores no option/)
  })

  it.each([
    ['runs', Number.NaN, "got NaN, expected an integer from 1 to 1000000 or 'auto'"],
    ['runs', 2.5, 'got 2.5'],
    ['runs', '30', "got '30'"],
    ['warmup', -1, 'got -1, expected an integer from 0 to 1000000'],
    ['warmupTime', 1e12, `got 1000000000000, expected a number of milliseconds >= 0 and <= ${MAX_TIME_MS} (10 minutes)`],
    ['minTime', Number.POSITIVE_INFINITY, 'got Infinity'],
    ['minTime', -5, 'got -5'],
    ['maxTime', 120_000, 'expected a number of milliseconds >= 0 and <= 60000'],
    ['precision', 0, 'expected a finite number between 0 and 1, exclusive'],
    ['calibrate', 1, 'expected true or false'],
    ['dims', [1], 'expected an object like { batch: 1 }'],
    ['onProgress', 'log', 'expected a function'],
    ['session', 'cpu', 'expected an object'],
  ])('refuses profile({ %s: %j })', (key, value, words) => {
    const err = failure(PROFILE_SPEC, { [key]: value }, 'profile')
    expect(err.code).toBe('OPTION_INVALID')
    expect(err.message).toContain(`Invalid option profile({ ${key} }): `)
    expect(err.message).toContain(words)
  })

  it('accepts every documented option with a valid value, and undefined as "the default"', () => {
    expect(() =>
      validateOptions(
        PROFILE_SPEC,
        {
          runs: 'auto',
          warmup: 0,
          warmupTime: MAX_TIME_MS,
          opProfile: true,
          session: { logSeverityLevel: 3, anything: 1 },
          dims: { batch: 1 },
          seed: undefined,
        },
        'profile',
      ),
    ).not.toThrow()
    expect(() => validateOptions(PROFILE_SPEC, { opProfile: { runs: 5, warmup: 0, top: 3 } }, 'profile')).not.toThrow()
    expect(() => validateOptions(PROFILE_SPEC, undefined, 'profile')).not.toThrow()
  })

  it('refuses options that are not an object', () => {
    expect(failure(PROFILE_SPEC, 30, 'profile').message).toBe('Invalid option profile(options): got 30, expected an options object.')
    expect(failure(PROFILE_SPEC, [1], 'profile').code).toBe('OPTION_INVALID')
  })
})

describe('the specs of every public options object', () => {
  it.each([
    ['profile.generate', GENERATE_SPEC, { maxTokens: 2 }, "Unknown option profile.generate({ maxTokens }): did you mean 'maxNewTokens'?"],
    ['profile.sweep', SWEEP_SPEC, { over: { batch: [1] }, flatbelow: 0.2 }, "did you mean 'flatBelow'?"],
    [
      'profile.sweep',
      GENERATION_SWEEP_SPEC,
      { generate: { prompts: ['a'], maxNewToken: 2 }, over: {} },
      "profile.sweep({ generate.maxNewToken }): did you mean 'maxNewTokens'?",
    ],
    ['profile.load', LOAD_SPEC, { duration: 100 }, "did you mean 'durationMs'?"],
    ['profile.compare', COMPARE_SPEC, { round: 3 }, "did you mean 'rounds'?"],
    ['perfgate', PLUGIN_SPEC, { tolerence: '5%' }, "Unknown option perfgate({ tolerence }): did you mean 'tolerance'?"],
    ['toBeWithinBaseline', MATCHER_SPEC, { tolerence: '5%' }, "Unknown option toBeWithinBaseline({ tolerence }): did you mean 'tolerance'?"],
    ['toBeFasterThan', FASTER_SPEC, { confidance: 0.9 }, "did you mean 'confidence'?"],
  ])('%s refuses an unknown option with a suggestion', (call, spec, options, words) => {
    const err = failure(spec, options, call)
    expect(err.code).toBe('OPTION_UNKNOWN')
    expect(err.message).toContain(words)
  })

  it.each([
    [
      'profile.load',
      LOAD_SPEC,
      { durationMs: MAX_TIME_MS + 1 },
      'profile.load({ durationMs }): got 600001, expected a number of milliseconds > 0 and <= 600000 (10 minutes)',
    ],
    ['profile.load', LOAD_SPEC, { stopGraceMs: 1e9 }, 'profile.load({ stopGraceMs })'],
    ['profile.load', LOAD_SPEC, { concurrency: [] }, 'a non-empty array of integers from 1 to 1024'],
    ['profile.compare', COMPARE_SPEC, { confidence: 95 }, 'profile.compare({ confidence }): got 95, expected a finite number between 0 and 1, exclusive'],
    ['perfgate', PLUGIN_SPEC, { alpha: 5 }, 'perfgate({ alpha }): got 5'],
    ['perfgate', PLUGIN_SPEC, { update: 'al' }, "perfgate({ update }): got 'al', expected 'all', 'new' or 'none'"],
    ['toBeWithinBaseline', MATCHER_SPEC, { name: 123 }, 'toBeWithinBaseline({ name }): got 123, expected a non-empty string'],
    ['toBeWithinBaseline', MATCHER_SPEC, { name: '' }, "got '', expected a non-empty string"],
    ['toBeWithinBaseline', MATCHER_SPEC, { better: 'up' }, "toBeWithinBaseline({ better }): got 'up', expected 'lower' or 'higher'"],
    ['toBeWithinBaseline', MATCHER_SPEC, { alpha: Number.NaN }, 'toBeWithinBaseline({ alpha }): got NaN'],
  ])('%s refuses a bad value: %j', (call, spec, options, words) => {
    expect(failure(spec, options, call).message).toContain(words)
  })

  it('checks metrics lists: an array, not empty, of known ids (with a suggestion)', () => {
    const notArray = failure(PLUGIN_SPEC, { metrics: 'latency.p95' }, 'perfgate')
    expect(notArray.code).toBe('OPTION_INVALID')
    expect(notArray.message).toContain("perfgate({ metrics }): got 'latency.p95', expected an array of metric ids")
    expect(failure(MATCHER_SPEC, { metrics: [] }, 'toBeWithinBaseline').code).toBe('METRICS_EMPTY')
    const typo = failure(MATCHER_SPEC, { metrics: ['latency.p50x'] }, 'toBeWithinBaseline')
    expect(typo.code).toBe('METRIC_UNKNOWN')
    expect(typo.message).toContain("Unknown metric 'latency.p50x' in toBeWithinBaseline({ metrics }). Did you mean 'latency.p50'?")
  })

  it('checks tolerances: an empty map is refused, a misspelt metric key gets a suggestion', () => {
    expect(failure(PLUGIN_SPEC, { tolerance: {} }, 'perfgate').code).toBe('TOLERANCE_INVALID')
    expect(failure(PLUGIN_SPEC, { tolerance: {} }, 'perfgate').message).toContain('Invalid tolerance perfgate({ tolerance }): got {}')
    expect(failure(PLUGIN_SPEC, { tolerance: { 'latncy.p95': '5%' } }, 'perfgate').message).toContain("Did you mean 'latency.p95'?")
    expect(failure(MATCHER_SPEC, { tolerance: '10' }, 'toBeWithinBaseline').code).toBe('TOLERANCE_INVALID')
    expect(() => validateOptions(PLUGIN_SPEC, { tolerance: { default: '5%', 'latency.p95': { abs: 2 } } }, 'perfgate')).not.toThrow()
    expect(() => validateOptions(MATCHER_SPEC, { tolerance: { rel: '5%', abs: 1 } }, 'toBeWithinBaseline')).not.toThrow()
  })

  it('documents every option with a default', () => {
    for (const spec of [
      PROFILE_SPEC,
      GENERATE_SPEC,
      SWEEP_SPEC,
      GENERATION_SWEEP_SPEC,
      LOAD_SPEC,
      COMPARE_SPEC,
      PLUGIN_SPEC,
      MATCHER_SPEC,
      FASTER_SPEC,
    ] as OptionsSpec[]) {
      for (const [name, def] of Object.entries(spec)) {
        expect(def.doc, name).not.toBe('')
        expect(def.default, name).not.toBe('')
        expect(expectedText(def.check), name).not.toBe('')
      }
    }
  })
})

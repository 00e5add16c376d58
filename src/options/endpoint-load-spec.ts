/** The spec of `profile.load(url, options)`'s options: a load test against an OpenAI-compatible streaming server. */
import { ENDPOINT_GENERATE_SPEC } from './endpoint-spec.js'
import { GENERATION_SWEEP_SPEC } from './experiment-specs.js'
import { MAX_TIME_MS, type OptionDef } from './option-spec.js'

const isLevels = (v: unknown): boolean => Array.isArray(v) && v.length > 0 && v.every((c) => Number.isInteger(c) && (c as number) >= 1 && (c as number) <= 4096)
const isRates = (v: unknown): boolean => Array.isArray(v) && v.length > 0 && v.every((r) => typeof r === 'number' && Number.isFinite(r) && r > 0)

/** The request a load test sends: profile.generate(url)'s options less the passes, which the load test replaces. */
const { warmup: _warmup, runs: _runs, onProgress: _onProgress, ...REQUEST_SPEC } = ENDPOINT_GENERATE_SPEC
export const ENDPOINT_LOAD_GENERATE_SPEC = REQUEST_SPEC

export const ENDPOINT_LOAD_SPEC = {
  generate: {
    check: { kind: 'nested', spec: ENDPOINT_LOAD_GENERATE_SPEC },
    doc: 'What each request generates (model, prompts, maxNewTokens, ...).',
    default: 'required',
  },
  concurrency: {
    check: { kind: 'custom', expected: 'a non-empty array of integers from 1 to 4096, e.g. [1, 2, 4]', test: isLevels },
    doc: 'Closed loop: requests in flight at each level, back to back.',
    default: '[1, 2, 4] unless rate is given',
  },
  rate: {
    check: { kind: 'custom', expected: 'a non-empty array of request rates > 0, e.g. [2, 4, 8]', test: isRates },
    doc: 'Open loop: requests per second offered at each level, arriving at random (Poisson, or gamma with burstiness).',
    default: 'unset',
  },
  burstiness: { check: { kind: 'number', above: 0 }, doc: 'Shape of the gamma arrival gaps: 1 Poisson, < 1 burstier, > 1 more even.', default: '1' },
  durationMs: { check: { kind: 'number', unit: 'ms', above: 0, max: MAX_TIME_MS }, doc: 'How long each level sends requests, ms.', default: '10000' },
  maxRequests: { check: { kind: 'integer', min: 1 }, doc: 'Most requests per level.', default: '100000' },
  warmup: { check: { kind: 'integer', min: 0, max: 1000 }, doc: 'Unmeasured requests, one at a time, before the first level.', default: '1' },
  slo: { check: { kind: 'object' }, doc: 'Objective of a level, e.g. { ttftMs: 500, tpotMs: 50, errorRate: 0.01 }.', default: 'none' },
  findMax: {
    check: { kind: 'boolean' },
    doc: 'Search for the most load that meets the SLO: double from the first level, then bisect.',
    default: 'false',
  },
  seed: { check: { kind: 'integer', min: 0 }, doc: 'Seed of the arrival times.', default: '1' },
  onProgress: { check: { kind: 'function' }, doc: 'Called with progress messages.', default: 'none' },
} as const satisfies Record<string, OptionDef>

/** `profile.sweep(url, { generate, over })`: a generation sweep whose points profile a server. */
export const ENDPOINT_SWEEP_SPEC = {
  ...GENERATION_SWEEP_SPEC,
  generate: { check: { kind: 'nested', spec: ENDPOINT_GENERATE_SPEC }, doc: 'The profile.generate(url) options every point starts from.', default: 'required' },
} as const satisfies Record<string, OptionDef>

/** The specs of `profile.sweep()`, `profile.load()` and `profile.compare()` options. */
import { GENERATE_SPEC } from './generate-spec.js'
import { MAX_RUN_COUNT, MAX_TIME_MS, type OptionDef } from './option-spec.js'
import { DIMS_DEF, PROFILE_SPEC } from './profile-spec.js'

const FLAT_BELOW: OptionDef = {
  check: { kind: 'number', min: 0, max: 1 },
  doc: 'A step that buys less than this share of the ideal gain is where scaling flattens.',
  default: '0.2',
}
// `over` has its own checks (one axis, its values), which name the axis
const OVER: OptionDef = {
  check: { kind: 'custom', expected: 'an object like { batch: [1, 4, 8] }', test: () => true },
  doc: 'The axis and its values, one axis per sweep.',
  default: 'required',
}

export const SWEEP_SPEC = {
  ...PROFILE_SPEC,
  over: OVER,
  pointOptions: { check: { kind: 'function' }, doc: 'Options that change with the point.', default: 'none' },
  workPerRun: { check: { kind: 'function' }, doc: 'Units of work one run does, for the scaling throughput.', default: 'the batch size' },
  flatBelow: FLAT_BELOW,
} as const satisfies Record<string, OptionDef>

export const GENERATION_SWEEP_SPEC = {
  generate: { check: { kind: 'nested', spec: GENERATE_SPEC }, doc: 'The profile.generate options every point starts from.', default: 'required' },
  over: OVER,
  flatBelow: FLAT_BELOW,
} as const satisfies Record<string, OptionDef>

const LOAD_GENERATE_SPEC = {
  prompts: GENERATE_SPEC.prompts,
  maxNewTokens: GENERATE_SPEC.maxNewTokens,
  ignoreEos: GENERATE_SPEC.ignoreEos,
} as const satisfies Record<string, OptionDef>

const isLevels = (v: unknown): boolean => Array.isArray(v) && v.length > 0 && v.every((c) => Number.isInteger(c) && (c as number) >= 1 && (c as number) <= 1024)

export const LOAD_SPEC = {
  concurrency: {
    check: { kind: 'custom', expected: 'a non-empty array of integers from 1 to 1024, e.g. [1, 2, 4]', test: isLevels },
    doc: 'Concurrency levels, in this order.',
    default: '[1, 2, 4]',
  },
  durationMs: { check: { kind: 'number', unit: 'ms', above: 0, max: MAX_TIME_MS }, doc: 'How long each level sends requests, ms.', default: '2000' },
  rate: { check: { kind: 'number', above: 0 }, doc: 'Open loop: requests per second offered at every level.', default: 'unset (back-to-back)' },
  slo: { check: { kind: 'object' }, doc: 'Latency objective a level must meet, e.g. { p95: 50 }.', default: 'none' },
  maxRequests: { check: { kind: 'integer', min: 1 }, doc: 'Most requests per level.', default: '100000' },
  warmup: { check: { kind: 'integer', min: 0, max: MAX_RUN_COUNT }, doc: 'Unmeasured requests per worker after loading.', default: '5' },
  stopGraceMs: {
    check: { kind: 'integer', unit: 'ms', min: 0, max: MAX_TIME_MS },
    doc: 'How long past its duration a level may take to finish, ms.',
    default: '5000',
  },
  dims: DIMS_DEF,
  feeds: PROFILE_SPEC.feeds,
  seed: PROFILE_SPEC.seed,
  intMax: PROFILE_SPEC.intMax,
  session: { check: { kind: 'object' }, doc: "onnxruntime session options of every worker's session.", default: '{ intraOpNumThreads: 1 }' },
  onProgress: PROFILE_SPEC.onProgress,
  generate: { check: { kind: 'nested', spec: LOAD_GENERATE_SPEC }, doc: 'Load-test text generation.', default: 'unset' },
} as const satisfies Record<string, OptionDef>

export const COMPARE_SPEC = {
  dims: DIMS_DEF,
  seed: PROFILE_SPEC.seed,
  intMax: PROFILE_SPEC.intMax,
  batchSize: PROFILE_SPEC.batchSize,
  session: PROFILE_SPEC.session,
  rounds: { check: { kind: 'integer', min: 1, max: MAX_RUN_COUNT }, doc: 'Rounds of interleaved runs.', default: '10' },
  runsPerRound: { check: { kind: 'integer', min: 1, max: MAX_RUN_COUNT }, doc: 'Measured runs of each variant per round.', default: '10' },
  warmup: { check: { kind: 'integer', min: 0, max: MAX_RUN_COUNT }, doc: 'Unmeasured runs of each variant per round.', default: '2' },
  processRounds: { check: { kind: 'integer', min: 1, max: 1000 }, doc: 'Fresh processes per variant.', default: '3' },
  confidence: { check: { kind: 'number', above: 0, below: 1 }, doc: 'Coverage of the confidence intervals.', default: '0.95' },
  reference: { check: { kind: 'string', nonEmpty: true }, doc: 'The variant the others are compared with.', default: 'the first one' },
  onProgress: PROFILE_SPEC.onProgress,
} as const satisfies Record<string, OptionDef>

/** The spec of `profile()`'s options and of its `opProfile` object. */
import { checkDimsOption } from './dims-keys.js'
import { MAX_RUN_COUNT, MAX_TIME_MS, type OptionDef, type OptionsSpec } from './option-spec.js'

export const DIMS_DEF: OptionDef = {
  // the model's own check (measure/inputs/dims-check.ts) later refuses names and axes the model does not have
  check: { kind: 'delegate', check: checkDimsOption },
  doc: "Values for the model's free input dimensions: by name ({ batch: 1 }), or by input and axis for an unnamed one ({ 'input:0': 1 }).",
  default: '{}',
}

export const OP_PROFILE_SPEC = {
  runs: { check: { kind: 'integer', min: 1, max: MAX_RUN_COUNT }, doc: 'Profiled runs.', default: '20' },
  warmup: { check: { kind: 'integer', min: 0, max: MAX_RUN_COUNT }, doc: 'Runs before them, left out of the table.', default: '3' },
  top: { check: { kind: 'integer', min: 1 }, doc: 'Nodes kept in byNode.', default: '15' },
} as const satisfies Record<string, OptionDef>

export const PROFILE_SPEC = {
  dims: DIMS_DEF,
  feeds: { check: { kind: 'object' }, doc: 'Your own input tensors by input name.', default: "generated from the model's input metadata" },
  warmup: { check: { kind: 'integer', min: 0, max: MAX_RUN_COUNT }, doc: 'Warm-up runs after the first run.', default: '5' },
  warmupTime: { check: { kind: 'number', unit: 'ms', min: 0, max: MAX_TIME_MS }, doc: 'Keep warming up for at least this many ms.', default: '0' },
  runs: { check: { kind: 'integer', min: 1, max: MAX_RUN_COUNT, or: ['auto'] }, doc: "Minimum measured runs, or 'auto'; at most maxRuns.", default: '30' },
  precision: { check: { kind: 'number', above: 0, below: 1 }, doc: "With runs: 'auto': target half-width of the median's 99% interval.", default: '0.025' },
  maxTime: { check: { kind: 'number', unit: 'ms', min: 0, max: 60_000 }, doc: "With runs: 'auto': time budget of the measured runs, ms.", default: '10000' },
  minTime: { check: { kind: 'number', unit: 'ms', min: 0, max: MAX_TIME_MS }, doc: 'Minimum measured time in ms.', default: '1000' },
  maxRuns: { check: { kind: 'integer', min: 1, max: MAX_RUN_COUNT }, doc: 'Upper bound on measured runs.', default: '10000' },
  seed: { check: { kind: 'integer', min: 0 }, doc: 'Seed of the generated input data.', default: '1' },
  intMax: { check: { kind: 'integer', min: 1 }, doc: 'Generated integer inputs take values in [0, intMax).', default: '100' },
  batchSize: { check: { kind: 'integer', min: 1 }, doc: 'Samples per run.', default: 'the first symbolic dimension, else 1' },
  session: { check: { kind: 'object' }, doc: 'onnxruntime session options, passed through.', default: '{}' },
  onProgress: { check: { kind: 'function' }, doc: 'Called with progress messages.', default: 'none' },
  opProfile: {
    check: { kind: 'nested', spec: OP_PROFILE_SPEC, orBoolean: true },
    doc: "Also time every operator with onnxruntime's profiler.",
    default: 'false',
  },
  sessions: { check: { kind: 'integer', min: 1, max: 1000 }, doc: 'Spread the measured runs over this many sessions.', default: '1' },
  calibrate: { check: { kind: 'boolean' }, doc: 'Measure the machine-speed reference workload too.', default: 'false' },
} as const satisfies Record<string, OptionDef>

export const PROFILE_OPTIONS_SPEC: OptionsSpec = PROFILE_SPEC

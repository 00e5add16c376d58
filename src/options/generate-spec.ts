/** The spec of `profile.generate()`'s options. */
import { MAX_RUN_COUNT, type OptionDef } from './option-spec.js'

const isPrompts = (v: unknown): boolean => typeof v === 'string' || (Array.isArray(v) && v.every((p) => typeof p === 'string'))

export const GENERATE_SPEC = {
  prompts: {
    check: { kind: 'custom', expected: 'an array of strings or the path of a prompts file', test: isPrompts },
    doc: 'The prompts, or a prompts file.',
    default: 'required',
  },
  maxNewTokens: { check: { kind: 'integer', min: 1, max: 1_000_000 }, doc: 'Tokens to generate per prompt.', default: '32' },
  ignoreEos: { check: { kind: 'boolean' }, doc: 'Keep generating after an end-of-sequence token.', default: 'true' },
  warmup: { check: { kind: 'integer', min: 0, max: MAX_RUN_COUNT }, doc: 'Warm-up passes over every prompt.', default: '1' },
  runs: { check: { kind: 'integer', min: 1, max: MAX_RUN_COUNT }, doc: 'Measured passes over every prompt.', default: '10' },
  batchSize: { check: { kind: 'integer', min: 1 }, doc: 'Prompts generated together in one batch.', default: '1' },
  session: { check: { kind: 'object' }, doc: 'onnxruntime session options, passed through.', default: '{}' },
  calibrate: { check: { kind: 'boolean' }, doc: 'Measure the machine-speed reference workload too.', default: 'false' },
  onProgress: { check: { kind: 'function' }, doc: 'Called with progress messages.', default: 'none' },
} as const satisfies Record<string, OptionDef>

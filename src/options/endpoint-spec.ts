/** The spec of `profile.generate(url, options)`'s options: generation against an OpenAI-compatible streaming server. */
import { MAX_RUN_COUNT, MAX_TIME_MS, type OptionDef } from './option-spec.js'

const isPrompts = (v: unknown): boolean => typeof v === 'string' || (Array.isArray(v) && v.every((p) => typeof p === 'string'))
const isHeaders = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((h) => typeof h === 'string')

export const ENDPOINT_TIMEOUTS_SPEC = {
  connectMs: { check: { kind: 'integer', min: 1, max: MAX_TIME_MS, unit: 'ms' }, doc: 'Request sent to connection made.', default: '10000' },
  firstTokenMs: {
    check: { kind: 'integer', min: 1, max: MAX_TIME_MS, unit: 'ms' },
    doc: 'Request scheduled to the first content chunk.',
    default: '60000',
  },
  totalMs: { check: { kind: 'integer', min: 1, max: MAX_TIME_MS, unit: 'ms' }, doc: 'Request scheduled to the end of the stream.', default: '300000' },
} as const satisfies Record<string, OptionDef>

export const ENDPOINT_GENERATE_SPEC = {
  model: { check: { kind: 'string', nonEmpty: true }, doc: 'The `model` field of every request.', default: 'required' },
  prompts: {
    check: { kind: 'custom', expected: 'an array of strings or the path of a prompts file', test: isPrompts },
    doc: 'The prompts, or a prompts file.',
    default: 'required',
  },
  maxNewTokens: { check: { kind: 'integer', min: 1, max: 1_000_000 }, doc: 'Output tokens to ask for per request.', default: '32' },
  api: { check: { kind: 'enum', values: ['chat', 'completions'] }, doc: 'The route: /chat/completions or /completions.', default: "'chat'" },
  ignoreEos: { check: { kind: 'boolean' }, doc: 'Send `ignore_eos: true` (vLLM, llama.cpp).', default: 'true' },
  warmup: { check: { kind: 'integer', min: 0, max: MAX_RUN_COUNT }, doc: 'Warm-up passes over every prompt.', default: '1' },
  runs: { check: { kind: 'integer', min: 1, max: MAX_RUN_COUNT }, doc: 'Measured passes over every prompt.', default: '10' },
  headers: {
    check: { kind: 'custom', expected: 'an object of header names to string values', test: isHeaders },
    doc: 'Extra request headers (sent, never recorded).',
    default: '{}',
  },
  apiKeyEnv: {
    check: { kind: 'string', nonEmpty: true },
    doc: 'The environment variable holding the API key.',
    default: 'OPENAI_API_KEY when set, else no key',
  },
  tokenizer: {
    check: { kind: 'string', nonEmpty: true },
    doc: 'A tokenizer.json (or its folder) to count tokens when the server sends no usage.',
    default: 'none: content chunks, flagged as an estimate',
  },
  timeouts: {
    check: { kind: 'nested', spec: ENDPOINT_TIMEOUTS_SPEC },
    doc: 'Per-request time limits.',
    default: '{ connectMs: 10000, firstTokenMs: 60000, totalMs: 300000 }',
  },
  onProgress: { check: { kind: 'function' }, doc: 'Called with progress messages.', default: 'none' },
} as const satisfies Record<string, OptionDef>

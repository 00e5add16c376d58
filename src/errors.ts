/**
 * Every error message perfgate shows a user comes from this dictionary: what
 * went wrong, where (file, field or option), and how to fix it.
 */

const messages = {
  BASELINE_INVALID_JSON: (p: { file: string; detail: string }) =>
    `Invalid baseline file ${p.file}: it is not valid JSON (${p.detail}). ` +
    `perfgate left it untouched. Fix it by hand (a merge conflict?) or delete it and record again with \`vitest -u\`.`,
  BASELINE_INVALID_FIELD: (p: { file: string; field: string; detail: string }) =>
    `Invalid baseline file ${p.file}: field ${p.field} ${p.detail}. ` +
    `perfgate left it untouched. Fix the field by hand or delete the file and record again with \`vitest -u\`.`,
  BASELINE_UNREADABLE: (p: { file: string; detail: string }) =>
    `Cannot read baseline file ${p.file}: ${p.detail}.`,
  BASELINE_OUTSIDE_ROOT: (p: { file: string; root: string }) =>
    `Refusing to write baseline ${p.file}: it is outside the project root ${p.root}. Set \`baselineDir\` to a folder inside the project.`,
  BASELINE_INVALID_ENTRY: (p: { file: string; key: string; field: string; detail: string }) =>
    `Invalid entry "${p.key}" in baseline file ${p.file}: field ${p.field} ${p.detail}. ` +
    `perfgate left it untouched. Re-record it with \`npx vitest run -u\` (this replaces only the invalid entry), or fix the field by hand.`,
  BASELINE_WRITE_FAILED: (p: { file: string; reason: string; fix: string }) =>
    `Could not write baseline file ${p.file}: ${p.reason}. ${p.fix}`,
  BASELINE_LOCK_TIMEOUT: (p: { lock: string; owner: string; waitedMs: number }) =>
    `Could not lock baseline file: ${p.lock} is held by ${p.owner} and was not released within ${p.waitedMs} ms. ` +
    `Another perfgate run is writing this baseline; wait for it to finish, or, if no perfgate or vitest process is running, delete ${p.lock}.`,
  BASELINE_KEY_COLLISION: (p: { key: string; file: string; first: string; second: string }) =>
    `Two assertions record the same baseline entry "${p.key}" in ${p.file}: ${p.first} and ${p.second}. ` +
    `One would be judged against the other's baseline. Give one of them a distinct \`name\`, e.g. toBeWithinBaseline({ name: '...' }), or rename one test.`,
  REPORT_WRITE_FAILED: (p: { what: string; file: string; reason: string; fix: string }) =>
    `Could not write the ${p.what} ${p.file}: ${p.reason}. ${p.fix}`,
  BASELINE_MISSING_IN_CI: (p: { key: string; file: string }) =>
    `No baseline for "${p.key}" in ${p.file}, and missing baselines are not recorded in CI (CI=true). ` +
    `Record it locally with \`npx vitest run -u\` (or \`npx perfgate update\`) and commit ${p.file}.`,
  TESTBED_MISSING_IN_CI: (p: { key: string; file: string; testbed: string; others: readonly string[] }) =>
    `No baseline for "${p.key}" on this testbed (${p.testbed}): ${p.file} does not exist or lacks it; ` +
    `baselines of this test file exist for ${p.others.join(', ')}. perfgate never compares figures across testbeds. ` +
    `Record this testbed's baseline with \`npx vitest run -u\` on this machine and commit it, or, if this machine is ` +
    `equivalent to one of those, name it with PERFGATE_TESTBED (or the plugin's \`testbed\` option).`,
  BASELINE_REF_UNRESOLVED: (p: { ref: string; target: string; detail: string }) =>
    `Cannot resolve baselineRef '${p.ref}' (${p.target}) with git: ${p.detail}. ` +
    `Fetch the base branch first (actions/checkout with fetch-depth: 0), set PERFGATE_BASE_REF, or remove the baselineRef option.`,
  OPTION_INVALID: (p: { option: string; value: unknown; expected: string }) =>
    `Invalid option ${p.option}: got ${formatValue(p.value)}, expected ${p.expected}.`,
  TOLERANCE_INVALID: (p: { where: string; value: unknown }) =>
    `Invalid tolerance ${p.where}: got ${formatValue(p.value)}. Use a percentage string like '10%', ` +
    `an absolute amount in the metric's unit like { abs: 2 }, or both: { rel: '10%', abs: 2 }.`,
  METRIC_UNKNOWN: (p: { where: string; metric: string; known: readonly string[] }) =>
    `Unknown metric '${p.metric}' in ${p.where}. Known metrics: ${p.known.join(', ')}.`,
  MODEL_NOT_FOUND: (p: { path: string }) =>
    `Model file not found: ${p.path}. Pass the path of an .onnx file (relative paths are resolved from the current directory).`,
  MODEL_LOAD_FAILED: (p: { path: string; detail: string }) =>
    `onnxruntime could not load ${p.path}: ${p.detail}`,
  DIM_UNRESOLVED: (p: { input: string; dim: string; shape: string }) =>
    `Input '${p.input}' has the symbolic dimension '${p.dim}' (shape ${p.shape}) and no value for it. ` +
    `Give one with the \`dims\` option, e.g. dims: { ${p.dim}: 1 } (CLI: --dims ${p.dim}=1).`,
  INPUT_UNSUPPORTED: (p: { input: string; type: string }) =>
    `Input '${p.input}' has type ${p.type}, which perfgate cannot fill with generated data. Pass your own tensors with the \`feeds\` option.`,
  FEED_MISSING: (p: { input: string; given: readonly string[] }) =>
    `The \`feeds\` option lacks input '${p.input}' (given: ${p.given.join(', ') || 'none'}). Give a tensor for every model input.`,
  RUN_FAILED: (p: { what: string; detail: string }) => `${p.what} failed during profiling: ${p.detail}`,
  REFERENCE_FAILED: (p: { path: string; detail: string }) =>
    `The calibration reference workload (${p.path}, shipped with perfgate) failed: ${p.detail}. ` +
    'Reinstall perfgate (its bench/models folder must be intact), or profile without `calibrate`.',
  MATCHER_RECEIVED: (p: { received: string }) =>
    `toBeWithinBaseline() expects a perfgate profile result, a profile.generate result, a Vitest benchmark result or a finite number, received ${p.received}.`,
  BENCH_SAMPLES_MISSING: () =>
    `toBeWithinBaseline() received a benchmark result without samples. perfgate's plugin turns on ` +
    `benchmark.retainSamples; if you configure benchmarks yourself, set test.benchmark.retainSamples: true.`,
  MATCHER_OUTSIDE_TEST: () =>
    `toBeWithinBaseline() must be called inside a running test (its entry is keyed by the test's name).`,
  PLUGIN_MISSING: () =>
    `toBeWithinBaseline() needs the perfgate plugin: add plugins: [perfgate()] (from 'perfgate/vitest') to your vitest.config.ts.`,
  LANGUAGE_MODEL_NOT_FOUND: (p: { path: string; detail: string }) =>
    `No decoder model at ${p.path}: ${p.detail}. Pass a folder holding one .onnx decoder and its tokenizer.json, ` +
    `or explicit paths: profile.generate({ model: 'path/model.onnx', tokenizer: 'path/tokenizer.json' }, options).`,
  TOKENIZER_MISSING: (p: { folder: string }) =>
    `No tokenizer.json in ${p.folder}. profile.generate counts and decodes tokens with the model's own Hugging Face tokenizer: ` +
    `put its tokenizer.json (and tokenizer_config.json) next to the .onnx file, or pass explicit paths: { model: 'model.onnx', tokenizer: 'tokenizer.json' }.`,
  TOKENIZER_INVALID: (p: { path: string; detail: string }) =>
    `Cannot load the tokenizer ${p.path}: ${p.detail}. It must be a Hugging Face tokenizer.json, as saved by tokenizers or transformers.`,
  MODEL_CONFIG_INVALID: (p: { path: string; detail: string }) =>
    `Cannot read ${p.path}: ${p.detail}. Fix the file or remove it (it is optional).`,
  DECODER_LAYOUT_UNSUPPORTED: (p: { path: string; problem: string; inputs: readonly string[]; outputs: readonly string[] }) =>
    `${p.path} is not a decoder with a KV cache that perfgate can drive: ${p.problem}. ` +
    `Inputs found: ${p.inputs.join(', ') || 'none'}. Outputs found: ${p.outputs.join(', ') || 'none'}. ` +
    `Supported layouts: (a) Hugging Face Optimum: input_ids, attention_mask, optional position_ids, ` +
    `past_key_values.{i}.key and past_key_values.{i}.value [batch, heads, past_len, head_size] -> logits, present.{i}.key, present.{i}.value; ` +
    `(b) GPT-2 style: input_ids, optional attention_mask and position_ids, past_{i} [2, batch, heads, past_len, head_size] -> logits, present_{i}. ` +
    `Ids int64 or int32, caches float32 or float16. ` +
    `Export with \`optimum-cli export onnx --task text-generation-with-past\` to get layout (a).`,
  PROMPTS_EMPTY: (p: { source: string }) =>
    `No prompts to generate from (${p.source}). Give profile.generate at least one prompt: prompts: ['...'], ` +
    `or the path of a file with one prompt per line or a JSON array of strings (CLI: --prompts FILE).`,
  PROMPTS_UNREADABLE: (p: { path: string; detail: string }) =>
    `Cannot read prompts from ${p.path}: ${p.detail}. Give a file with one prompt per line, or a JSON array of strings.`,
  PROMPT_WITHOUT_TOKENS: (p: { index: number; prompt: string }) =>
    `Prompt ${p.index} (${formatValue(p.prompt)}) has no tokens after tokenizing, so there is nothing to prefill. Remove it or give it text.`,
  GENERATION_TOO_LONG: (p: { index: number; inputTokens: number; maxNewTokens: number; limit: number; source: string }) =>
    `Prompt ${p.index} has ${p.inputTokens} tokens; with maxNewTokens ${p.maxNewTokens} the sequence reaches ` +
    `${p.inputTokens + p.maxNewTokens} tokens, beyond the model's ${p.limit} positions (${p.source}). Shorten the prompt or lower maxNewTokens.`,
  BATCH_NEEDS_MASK: (p: { path: string }) =>
    `${p.path} has no attention_mask input, so prompts of different lengths cannot be left-padded into one batch. Use batchSize: 1.`,
  INPUT_UNREADABLE: (p: { file: string; detail: string }) =>
    `Cannot read ${p.file}: ${p.detail}. Pass a results file written by the plugin's \`json\` option or by \`perfgate profile --json\`.`,
  INPUT_INVALID_JSON: (p: { file: string; detail: string }) =>
    `${p.file} is not valid JSON (${p.detail}). Pass a results file written by the plugin's \`json\` option or by \`perfgate profile --json\`.`,
  INPUT_INVALID_FIELD: (p: { file: string; what: string; field: string; detail: string }) =>
    `Invalid ${p.what} ${p.file}: field ${p.field} ${p.detail}. Write it again with perfgate (or fix the field by hand).`,
  INPUT_UNKNOWN_KIND: (p: { file: string }) =>
    `${p.file} is neither a perfgate results file (field kind is "results", written by the plugin's \`json\` option) ` +
    `nor a profile result (written by \`perfgate profile --json\`).`,
  HISTORY_INVALID_LINE: (p: { file: string; line: number; detail: string }) =>
    `Invalid history file ${p.file}, line ${p.line}: ${p.detail}. Remove or fix that line; every line is one run, written by the plugin's \`history\` option.`,
  SWEEP_AXIS_INVALID: (p: { detail: string }) =>
    `Invalid sweep: ${p.detail}. Sweep one axis at a time, e.g. over: { batch: [1, 4, 8, 16] } or over: { intraOpNumThreads: [1, 2, 4] }.`,
  SWEEP_AXIS_UNUSED: (p: { axis: string; model: string; inputs: string }) =>
    `Sweeping '${p.axis}' did not change any input of ${p.model} (inputs: ${p.inputs}): '${p.axis}' is not a symbolic dimension of the model's inputs. ` +
    `Sweep one of the model's symbolic dimensions, or a session option (intraOpNumThreads, interOpNumThreads, graphOptimizationLevel, executionProviders, executionMode).`,
  COMPARE_VARIANTS_INVALID: (p: { detail: string }) =>
    `Invalid model comparison: ${p.detail}. Pass at least two variants by name, e.g. profile.compare({ fp32: 'model.onnx', int8: 'model.int8.onnx' }).`,
  FASTER_RECEIVED: (p: { which: 'received' | 'expected'; received: string }) =>
    `toBeFasterThan() compares two perfgate profile results (e.g. cmp.int8 and cmp.fp32 from profile.compare()); the ${p.which} value is ${p.received}.`,
  LOAD_WORKER_FAILED: (p: { model: string; detail: string }) =>
    `A load-test worker for ${p.model} failed: ${p.detail}`,
  LOAD_WORKER_STUCK: (p: { level: number; waitedMs: number }) =>
    `A load-test worker did not finish concurrency level ${p.level} within ${p.waitedMs} ms (its duration plus the stop grace); it was terminated. ` +
    `A single run probably takes longer than that: raise \`stopGraceMs\` or \`durationMs\`.`,
  OP_PROFILE_FAILED: (p: { model: string; detail: string }) =>
    `Could not read onnxruntime's operator profile of ${p.model}: ${p.detail}. Profile without \`opProfile\`, or report this with your onnxruntime-node version.`,
  GPU_UNAVAILABLE: (p: { provider: string; missing: readonly string[]; fix: string }) =>
    `The ${p.provider} execution provider was requested, but ${p.missing.join('; and ')}. ` +
    `perfgate does not fall back to the CPU silently, since the figures would describe the wrong device. ${p.fix}`,
} as const

export type ErrorCode = keyof typeof messages
type Params<C extends ErrorCode> = Parameters<(typeof messages)[C]>[0]

/** A user-facing error: `code` says what kind, `message` what to do. */
export class PerfgateError extends Error {
  override name = 'PerfgateError'
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    // the message says what to do; a stack trace of perfgate's internals would only bury it
    this.stack = `${this.name}: ${message}`
  }
}

/** Builds the message of `code`. */
export function errorMessage<C extends ErrorCode>(code: C, params: Params<C>): string {
  return (messages[code] as (p: Params<C>) => string)(params)
}

/** Builds a PerfgateError with the message of `code`. */
export function perfgateError<C extends ErrorCode>(code: C, params: Params<C>, cause?: unknown): PerfgateError {
  return new PerfgateError(code, errorMessage(code, params), cause === undefined ? undefined : { cause })
}

function formatValue(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`
  try {
    return JSON.stringify(v) ?? String(v)
  } catch {
    return String(v)
  }
}

/**
 * Every error message perfgate shows a user comes from this dictionary: what
 * went wrong, where (file, field or option), and how to fix it.
 */
import { formatBytes, formatValue, jsKey } from './message-values.js'
import { ENDPOINT_MESSAGES } from './endpoint-messages.js'
import { SETUP_MESSAGES } from './messages-setup.js'

export { formatValue, jsKey }

const messages = {
  ...ENDPOINT_MESSAGES,
  ...SETUP_MESSAGES,
  BASELINE_INVALID_JSON: (p: { file: string; detail: string }) =>
    `Invalid baseline file ${p.file}: it is not valid JSON (${p.detail}). ` +
    `perfgate left it untouched. Fix it by hand (a merge conflict?) or delete it and record again with \`npx vitest run -u\`.`,
  BASELINE_INVALID_FIELD: (p: { file: string; field: string; detail: string }) =>
    `Invalid baseline file ${p.file}: field ${p.field} ${p.detail}. ` +
    `perfgate left it untouched. Fix the field by hand or delete the file and record again with \`npx vitest run -u\`.`,
  BASELINE_UNREADABLE: (p: { file: string; detail: string }) => `Cannot read baseline file ${p.file}: ${p.detail}.`,
  BASELINE_OUTSIDE_ROOT: (p: { file: string; root: string }) =>
    `Refusing to write baseline ${p.file}: it is outside the project root ${p.root}. Set \`baselineDir\` to a folder inside the project.`,
  BASELINE_INVALID_ENTRY: (p: { file: string; key: string; field: string; detail: string }) =>
    `Invalid entry "${p.key}" in baseline file ${p.file}: field ${p.field} ${p.detail}. ` +
    `perfgate left it untouched. Re-record it with \`npx vitest run -u\` (this replaces only the invalid entry), or fix the field by hand.`,
  BASELINE_WRITE_FAILED: (p: { file: string; reason: string; fix: string }) => `Could not write baseline file ${p.file}: ${p.reason}. ${p.fix}`,
  BASELINE_LOCK_TIMEOUT: (p: { lock: string; owner: string; waitedMs: number }) =>
    `Could not lock baseline file: ${p.lock} is held by ${p.owner} and was not released within ${p.waitedMs} ms. ` +
    `Another perfgate run is writing this baseline; wait for it to finish, or, if no perfgate or vitest process is running, delete ${p.lock}.`,
  BASELINE_KEY_COLLISION: (p: { key: string; file: string; first: string; second: string }) =>
    `Two assertions record the same baseline entry "${p.key}" in ${p.file}: ${p.first} and ${p.second}. ` +
    `One would be judged against the other's baseline. Give one of them a distinct \`name\`, e.g. toBeWithinBaseline({ name: '...' }), or rename one test.`,
  REPORT_WRITE_FAILED: (p: { what: string; file: string; reason: string; fix: string }) => `Could not write the ${p.what} ${p.file}: ${p.reason}. ${p.fix}`,
  BASELINE_MISSING_IN_CI: (p: { key: string; file: string }) =>
    `No baseline for "${p.key}" in ${p.file}, and missing baselines are not recorded in CI (CI=true). ` +
    `Record it locally with \`npx vitest run -u\` (or \`npx perfgate update\`) and commit ${p.file}.`,
  TESTBED_MISSING_IN_CI: (p: { key: string; file: string; testbed: string; others: readonly string[] }) =>
    `No baseline for "${p.key}" on this testbed (${p.testbed}): ${p.file} does not exist or lacks it; ` +
    `baselines of this test file exist for ${p.others.join(', ')}. perfgate never compares figures across testbeds. ` +
    `Record this testbed's baseline with \`npx vitest run -u\` on this machine and commit it, or, if this machine is ` +
    `equivalent to one of those, name it with PERFGATE_TESTBED (or the plugin's \`testbed\` option).`,
  ENTRY_KIND_CHANGED: (p: { key: string; file: string; stored: string; current: string }) =>
    `The baseline entry "${p.key}" in ${p.file} was recorded from a ${p.stored} result and is now asserted on a ${p.current} result, ` +
    `so the two cannot be compared. Give the assertion its own entry with toBeWithinBaseline({ name: '...' }), ` +
    `or re-record the entry with \`npx vitest run -u\` (or \`npx perfgate update\`) and commit ${p.file}.`,
  BASELINE_REF_UNRESOLVED: (p: { ref: string; target: string; detail: string }) =>
    `Cannot resolve baselineRef '${p.ref}' (${p.target}) with git: ${p.detail}. ` +
    `Fetch the base branch first (actions/checkout with fetch-depth: 0), set PERFGATE_BASE_REF, or remove the baselineRef option.`,
  GIT_FAILED: (p: { command: string; cwd: string; detail: string }) =>
    `\`${p.command}\` failed in ${p.cwd}: ${p.detail}. Check that git is installed and that this folder is a git work tree with the commits it needs (in CI: actions/checkout with fetch-depth: 0).`,
  OPTION_INVALID: (p: { option: string; value: unknown; expected: string }) =>
    `Invalid option ${p.option}: got ${formatValue(p.value)}, expected ${p.expected}.`,
  TOLERANCE_INVALID: (p: { where: string; value: unknown }) =>
    `Invalid tolerance ${p.where}: got ${formatValue(p.value)}. Use a percentage string like '10%', ` +
    `an absolute amount in the metric's unit like { abs: 2 }, or both: { rel: '10%', abs: 2 }.`,
  OPTION_UNKNOWN: (p: { option: string; suggestion?: string; known: readonly string[] }) =>
    `Unknown option ${p.option}${p.suggestion ? `: did you mean '${p.suggestion}'?` : '.'} ` +
    `perfgate ignores no option: fix its name or remove it. Known options here: ${p.known.join(', ')}.`,
  METRIC_UNKNOWN: (p: { where: string; metric: string; known: readonly string[]; suggestion?: string }) =>
    `Unknown metric '${p.metric}' in ${p.where}.${p.suggestion ? ` Did you mean '${p.suggestion}'?` : ''} Known metrics: ${p.known.join(', ')}.`,
  METRICS_EMPTY: (p: { where: string }) =>
    `${p.where} is an empty list, so the assertion would gate nothing and always pass. ` +
    `Name at least one metric, e.g. ['latency.p95'], or remove the option to gate the default metrics.`,
  METRICS_NOT_OF_KIND: (p: { where: string; metrics: readonly string[]; kind: string; available: readonly string[] }) =>
    `${p.where} names ${p.metrics.map((m) => `'${m}'`).join(', ')}, which a ${p.kind} result does not have: ` +
    `${p.metrics.length === 1 ? 'it' : 'they'} would gate nothing. A ${p.kind} result gates: ${p.available.join(', ')}. ` +
    `Name only these, or remove the option to gate the defaults.`,
  GATE_NOTHING: (p: { metrics: readonly string[] }) =>
    `The comparison gated no metric: none of ${p.metrics.join(', ') || '(no metrics)'} is in both the baseline entry and the current result. ` +
    `A comparison that gates nothing never passes: name metrics the result has, or re-record the entry with \`npx vitest run -u\`.`,
  MODEL_NOT_FOUND: (p: { path: string }) =>
    `Model file not found: ${p.path}. Pass the path of an .onnx file (relative paths are resolved from the current directory).`,
  MODEL_IS_FOLDER: (p: { path: string }) =>
    `${p.path} is a folder, not a model file. Pass the path of the .onnx file inside it (e.g. ${p.path}/model.onnx); ` +
    `a decoder's folder with its tokenizer.json is profiled with profile.generate (CLI: --prompts FILE).`,
  MODEL_LOAD_FAILED: (p: { path: string; detail: string }) => `onnxruntime could not load ${p.path}: ${p.detail}`,
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
  MATCHER_OUTSIDE_TEST: () => `toBeWithinBaseline() must be called inside a running test (its entry is keyed by the test's name).`,
  MATCHER_NEGATION_UNSUPPORTED: (p: { matcher: string }) => `perfgate: .not.${p.matcher}() is not supported; gate with ${p.matcher}() and a tolerance.`,
  METRIC_ORIGIN_AMBIGUOUS: (p: { value: number; metrics: readonly string[]; suggest: string }) =>
    `The number ${p.value} is ${p.metrics.join(' and ')} of results created in this test, so perfgate cannot tell which samples it came from: ` +
    `it was gated as a bare number (its baseline value and the tolerance alone, no significance test). ` +
    `To gate one metric with its samples, assert on the result: expect(r).toBeWithinBaseline({ metrics: ['${p.suggest}'] }).`,
  METRIC_ORIGIN_BARE_BASELINE: (p: { key: string; file: string; metric: string; result: string }) =>
    `The baseline entry "${p.key}" in ${p.file} was recorded from a bare number, so this number (${p.metric} of ${p.result}) was gated as one: ` +
    `its baseline value and the tolerance alone, no significance test. Re-record it with \`npx vitest run -u\` to gate it with the samples of ${p.metric}.`,
  PLUGIN_MISSING: () => `toBeWithinBaseline() needs the perfgate plugin: add plugins: [perfgate()] (from 'perfgate/vitest') to your vitest.config.ts.`,
  LANGUAGE_MODEL_NOT_FOUND: (p: { path: string; detail: string }) =>
    `No decoder model at ${p.path}: ${p.detail}. Pass a folder holding one .onnx decoder and its tokenizer.json, ` +
    `or explicit paths: profile.generate({ model: 'path/model.onnx', tokenizer: 'path/tokenizer.json' }, options).`,
  TOKENIZER_MISSING: (p: { folder: string }) =>
    `No tokenizer.json in ${p.folder}. profile.generate counts and decodes tokens with the model's own Hugging Face tokenizer: ` +
    `put its tokenizer.json (and tokenizer_config.json) next to the .onnx file, or pass explicit paths: { model: 'model.onnx', tokenizer: 'tokenizer.json' }.`,
  TOKENIZER_INVALID: (p: { path: string; detail: string }) =>
    `Cannot load the tokenizer ${p.path}: ${p.detail}. It must be a Hugging Face tokenizer.json, as saved by tokenizers or transformers.`,
  MODEL_CONFIG_INVALID: (p: { path: string; detail: string }) => `Cannot read ${p.path}: ${p.detail}. Fix the file or remove it (it is optional).`,
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
  TSX_MISSING: (p: { from: string }) =>
    `perfgate runs from its TypeScript sources (${p.from}) and needs tsx to start a worker: install tsx, or use the built package (dist/).`,
  TSX_API_MISSING: (p: { api: string }) =>
    `tsx's module API is not at ${p.api}; perfgate's workers expect tsx 4: install tsx@4, or use the built package (dist/).`,
  LOAD_WORKER_FAILED: (p: { model: string; detail: string }) => `A load-test worker for ${p.model} failed: ${p.detail}`,
  LOAD_WORKER_STUCK: (p: { level: number; waitedMs: number }) =>
    `A load-test worker did not finish concurrency level ${p.level} within ${p.waitedMs} ms (its duration plus the stop grace); it was terminated. ` +
    `A single run probably takes longer than that: raise \`stopGraceMs\` or \`durationMs\`.`,
  OP_PROFILE_FAILED: (p: { model: string; detail: string }) =>
    `Could not read onnxruntime's operator profile of ${p.model}: ${p.detail}. Profile without \`opProfile\`, or report this with your onnxruntime-node version.`,
  GPU_UNAVAILABLE: (p: { provider: string; missing: readonly string[]; fix: string }) =>
    `The ${p.provider} execution provider was requested, but ${p.missing.join('; and ')}. ` +
    `perfgate does not fall back to the CPU silently, since the figures would describe the wrong device. ${p.fix}`,
  INPUTS_TOO_LARGE: (p: { input: string; shape: string; type: string; bytes: number; totalBytes: number; limitBytes: number; dims: string }) =>
    `The generated inputs would take ${formatBytes(p.totalBytes)}, beyond the ${formatBytes(p.limitBytes)} perfgate allows on this machine ` +
    `(an eighth of its memory, at most a quarter of what is free now). The largest is '${p.input}' ${p.type}[${p.shape}] at ${formatBytes(p.bytes)}, from dims ${p.dims}. ` +
    `Use smaller \`dims\`, or pass your own tensors with \`feeds\`.`,
  FEED_UNKNOWN: (p: { names: readonly string[]; inputs: readonly string[] }) =>
    `The \`feeds\` option names ${p.names.map((n) => `'${n}'`).join(', ')}, which the model has no input for. ` +
    `The model's inputs: ${p.inputs.join(', ') || 'none'}. Rename or remove ${p.names.length === 1 ? 'that feed' : 'those feeds'}.`,
  FEED_NOT_TENSOR: (p: { feed: string; received: string }) =>
    `feeds.${p.feed} is ${p.received}, not an onnxruntime Tensor. Pass one built with onnxruntime-node, e.g. new Tensor('float32', data, [1, 3, 224, 224]).`,
  SERVE_LISTEN_FAILED: (p: { address: string; detail: string }) =>
    `perfgate serve cannot listen on ${p.address}: ${p.detail}. Choose another port with --port N (--port 0 picks a free one) or stop what holds it.`,
  MODEL_NOT_ONNX: (p: { path: string; detail: string }) =>
    `${p.path} is not an ONNX model: ${p.detail}. Pass the path of an .onnx file exported by your framework (torch.onnx.export, optimum-cli export onnx, tf2onnx, ...).`,
  MODEL_RUN_FAILED: (p: { model: string; detail: string; fed: string; dims: string }) =>
    `session.run on ${p.model} failed with the inputs perfgate fed it: ${p.fed} (from dims ${p.dims}). onnxruntime said: ${p.detail}. ` +
    `Check that these shapes suit the model (some need sizes that are multiples of 32, or a minimum size): change \`dims\`, or pass your own tensors with \`feeds\`.`,
  TOKEN_ID_OUT_OF_VOCAB: (p: { index: number; prompt: string; tokenId: number; vocabSize: number; source: string; tokenizer: string }) =>
    `Prompt ${p.index} (${formatValue(p.prompt)}) tokenizes to the id ${p.tokenId}, but the model's vocabulary has ${p.vocabSize} entries (ids 0 to ${p.vocabSize - 1}; ${p.source}). ` +
    `The tokenizer ${p.tokenizer} does not belong to this model: use the tokenizer.json exported with it.`,
  LOCK_PATH_IS_DIRECTORY: (p: { path: string }) =>
    `The measurement lock path ${p.path} is a directory. perfgate needs a file path there: set PERFGATE_LOCK_FILE to a file in an existing folder (e.g. ${p.path}/perfgate-measure.lock), or unset it to use the OS temp folder.`,
  LOCK_FOLDER_MISSING: (p: { path: string; folder: string }) =>
    `Cannot create the measurement lock ${p.path}: its folder ${p.folder} does not exist (perfgate never creates folders for it). ` +
    `Create the folder, or set PERFGATE_LOCK_FILE to a file in an existing folder, or unset it to use the OS temp folder.`,
  LOCK_UNUSABLE: (p: { path: string; detail: string }) =>
    `Cannot create the measurement lock ${p.path}: ${p.detail}. Set PERFGATE_LOCK_FILE to a file in a folder you can write, or unset it to use the OS temp folder.`,
  LOCK_WAIT_TIMEOUT: (p: { path: string; holder: string; waitedMs: number }) =>
    `Waited ${Math.round(p.waitedMs / 1000)} s for the measurement lock ${p.path}, held all that time by ${p.holder}. ` +
    `If that process is not profiling, delete ${p.path}; to wait longer, raise PERFGATE_LOCK_TIMEOUT (ms).`,
  LOAD_CONCURRENCY_TOO_HIGH: (p: { option: string; concurrency: number; perWorkerBytes: number; limitBytes: number; most: number }) =>
    `${p.option} asks for ${p.concurrency} worker threads, each with its own onnxruntime session (about ${formatBytes(p.perWorkerBytes)} each, estimated from the model's size), ` +
    `${formatBytes(p.concurrency * p.perWorkerBytes)} in all, beyond the ${formatBytes(p.limitBytes)} perfgate allows on this machine (half of its free memory). ` +
    `Use at most ${p.most} workers.`,
  USAGE_ARGS: (p: { detail: string }) => p.detail,
  USAGE_INTEGER: (p: { flag: string; min: number; max?: number; got: string }) =>
    `--${p.flag} expects ${p.max === undefined ? `an integer >= ${p.min}` : `an integer from ${p.min} to ${p.max}`}, got '${p.got}'`,
  USAGE_NUMBER: (p: { flag: string; got: string }) => `--${p.flag} expects a number > 0, got '${p.got}'`,
  USAGE_INTEGER_LIST: (p: { flag: string; got: string }) => `--${p.flag} expects integers >= 1 separated by commas, e.g. 1,2,4; got '${p.got}'`,
  USAGE_DIMS: (p: { got: string }) => `--dims expects name=value pairs separated by commas, e.g. --dims batch=1,height=224; got '${p.got}'`,
  USAGE_OVER: (p: { got: string }) => `--over expects axis=value,value,..., e.g. --over batch=1,4,8,16 or --over intraOpNumThreads=1,2; got '${p.got}'`,
  USAGE_OVER_EMPTY: (p: { got: string }) => `--over has an empty value: '${p.got}'`,
  USAGE_SLO: (p: { got: string }) => `--slo expects bounds like p95=50,p99=80 (ms) and errorRate=0.01; got '${p.got}'`,
  USAGE_ONE_MODEL: (p: { command: string; given: readonly string[] }) => `${p.command} takes one model, got ${p.given.length}: ${p.given.join(' ')}`,
  USAGE_MODELS_TOO_FEW: (p: { count: number }) => `compare-models takes at least two models, got ${p.count}`,
  USAGE_VARIANT_TWICE: (p: { name: string; path: string }) => `two variants are named '${p.name}': name them, e.g. fp32=${p.path}`,
  USAGE_NOT_WITH_PROMPTS: (p: { flag: string; reason: string }) => `--${p.flag} does not apply with --prompts (${p.reason})`,
  USAGE_NEEDS_PROMPTS: (p: { flag: string; what: string }) => `--${p.flag} applies with --prompts (${p.what})`,
  USAGE_PROMPTS_FILE: () => '--prompts expects a file: one prompt per line, or a JSON array of strings',
  USAGE_COMPARE_FILES: (p: { count: number }) => `compare takes two files, A (the baseline) and B, got ${p.count}`,
  USAGE_METRIC_UNKNOWN: (p: { metric: string; suggestion?: string; known: readonly string[] }) =>
    `--metrics: unknown metric '${p.metric}'.${p.suggestion ? ` Did you mean '${p.suggestion}'?` : ''} Known metrics: ${p.known.join(', ')}`,
  USAGE_ALPHA: (p: { got: string }) => `--alpha expects a number between 0 and 1, e.g. 0.01; got '${p.got}'`,
  USAGE_REPORT_BOTH: () => 'report takes either a results file or --history FILE, not both',
  USAGE_REPORT_HISTORY_HTML: () => 'report --history needs --html FILE to write the trends to',
  USAGE_REPORT_HISTORY_MD: () => 'report --history draws HTML only; leave out --md',
  USAGE_REPORT_FILES: (p: { count: number }) => `report takes one results file (or --history FILE), got ${p.count}`,
  CLI_NO_COMMAND: () => 'no command given',
  CLI_UNKNOWN_COMMAND: (p: { command: string; suggestion?: string }) =>
    `unknown command '${p.command}'${p.suggestion ? `: did you mean '${p.suggestion}'?` : ''}`,
  CLI_NOTHING_TO_COMPARE: (p: { a: string; b: string; aEntries: number; bEntries: number }) =>
    `nothing to compare: no entry of ${p.b} matches one of ${p.a} (entries match by baseline file and key). ` +
    `${p.a} has ${p.aEntries} entries, ${p.b} has ${p.bEntries}.`,
  CLI_OUTPUT_WRITE_FAILED: (p: { flag: string; path: string; detail: string; fix: string }) => `could not write --${p.flag} ${p.path}: ${p.detail}. ${p.fix}`,
  CLI_HISTORY_UNREADABLE: (p: { file: string; detail: string }) =>
    `cannot read the history file ${p.file}: ${p.detail}. It is written by the plugin's \`history\` option.`,
  CLI_VITEST_MISSING: (p: { cwd: string }) =>
    `vitest is not installed in ${p.cwd}. Install it (npm install -D vitest) and add the perfgate plugin to vitest.config.ts.`,
  SCHEMA_MISSING: (p: { ref: string }) =>
    `perfgate's JSON schema ${p.ref} is missing from the installed package, so results files cannot be checked. Reinstall perfgate (its schema/ folder must be intact).`,
  LOAD_SLO_UNMET: () => 'no concurrency level met the SLO. Lower the concurrency or the rate, or make each request cheaper.',
} as const

export type ErrorCode = keyof typeof messages
type Params<C extends ErrorCode> = Parameters<(typeof messages)[C]>[0]
/** The codes whose message takes no parameters: called as `errorMessage(code)`. */
type PlainCode = { [C in ErrorCode]: Parameters<(typeof messages)[C]>['length'] extends 0 ? C : never }[ErrorCode]
type ParamCode = Exclude<ErrorCode, PlainCode>

/**
 * A user-facing error: `code` says what kind, `message` what to do. Its `stack`
 * is the message alone (a trace of perfgate's internals would only bury it);
 * the failure it wraps stays, stack and all, in `cause`.
 */
export class PerfgateError extends Error {
  override name = 'PerfgateError'
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.stack = `${this.name}: ${message}`
  }
}

/**
 * A matcher's wrong received value: a TypeError, as Vitest's own matchers
 * throw, with a dictionary message and its code. Its stack is left whole so
 * that Vitest points at the `expect` line that passed the value.
 */
export class PerfgateTypeError extends TypeError {
  override name = 'TypeError'
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
  }
}

/** Builds the message of `code`. */
export function errorMessage(code: PlainCode): string
export function errorMessage<C extends ParamCode>(code: C, params: Params<C>): string
export function errorMessage(code: ErrorCode, params?: unknown): string {
  return (messages[code] as (p: unknown) => string)(params)
}

/** Builds a PerfgateError with the message of `code`; `cause` is the failure it wraps. */
export function perfgateError(code: PlainCode, params?: undefined, cause?: unknown): PerfgateError
export function perfgateError<C extends ParamCode>(code: C, params: Params<C>, cause?: unknown): PerfgateError
export function perfgateError(code: ErrorCode, params?: unknown, cause?: unknown): PerfgateError {
  return new PerfgateError(code, (messages[code] as (p: unknown) => string)(params), cause === undefined ? undefined : { cause })
}

/** Builds a PerfgateTypeError (a TypeError) with the message of `code`. */
export function perfgateTypeError(code: PlainCode): PerfgateTypeError
export function perfgateTypeError<C extends ParamCode>(code: C, params: Params<C>): PerfgateTypeError
export function perfgateTypeError(code: ErrorCode, params?: unknown): PerfgateTypeError {
  return new PerfgateTypeError(code, (messages[code] as (p: unknown) => string)(params))
}

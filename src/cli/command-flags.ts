/**
 * The flags of every CLI command, one table per command: the parser accepts
 * exactly these flags (parse-flags.ts) and the help text is written from them
 * (help-text.ts), with each default read from the constant the code uses.
 */
import { DEFAULT_ALPHA } from '../compare/compare-entry.js'
import { DEFAULT_TOLERANCE } from '../compare/tolerance.js'
import { COMPARE_DEFAULTS } from '../measure/experiments/compare-models.js'
import { GENERATE_DEFAULTS } from '../measure/generation/generate-options.js'
import { LOAD_DEFAULTS } from '../measure/load/load.js'
import { PROFILE_DEFAULTS } from '../measure/run/options.js'
import { LOAD_SPEC } from '../options/experiment-specs.js'
import { ENDPOINT_GENERATE_SPEC } from '../options/endpoint-spec.js'
import { ENDPOINT_TIMEOUT_DEFAULTS } from '../measure/endpoint/endpoint-options.js'
import { PROFILE_SPEC } from '../options/profile-spec.js'
import { LOAD_ENDPOINT_ONLY_FLAGS, LOAD_ENDPOINT_TABLE_TEXT, SERVE_TABLE } from './serving-flags.js'
import type { CommandTable, Flag } from './flag-types.js'

export type { CommandTable, Flag } from './flag-types.js'

const ORT_THREADS = "onnxruntime's"

export const PROFILE_FLAGS = [
  { name: 'runs', value: 'N', description: 'Minimum measured runs', default: String(PROFILE_DEFAULTS.runs) },
  { name: 'warmup', value: 'N', description: 'Warm-up runs after the first run', default: String(PROFILE_DEFAULTS.warmup) },
  { name: 'min-time', value: 'MS', description: 'Minimum measured time in ms', default: String(PROFILE_DEFAULTS.minTime) },
  { name: 'dims', value: 'a=1,b=2', description: 'Values of symbolic input dimensions' },
  { name: 'threads', value: 'N', description: 'onnxruntime intra-op threads', default: ORT_THREADS },
  { name: 'sessions', value: 'N', description: 'Spread the runs over N sessions, pooled', default: PROFILE_SPEC.sessions.default },
  { name: 'calibrate', description: 'Also measure the machine-speed reference workload' },
  {
    name: 'op-profile',
    description:
      "Also time every operator with onnxruntime's profiler (in a second session, after the measured runs) and print the slowest operator types and nodes",
    default: PROFILE_SPEC.opProfile.default,
  },
  { name: 'json', value: 'FILE', description: 'Also write the full result as JSON' },
  { name: 'csv', value: 'FILE', description: 'Also write every metric as CSV' },
] as const satisfies readonly Flag[]

export const GENERATE_FLAGS = [
  { name: 'prompts', value: 'FILE', description: 'Prompts: one per line (blank lines skipped), or a JSON array of strings' },
  { name: 'max-new-tokens', value: 'N', description: 'Tokens to generate per prompt', default: String(GENERATE_DEFAULTS.maxNewTokens) },
  { name: 'runs', value: 'N', description: 'Measured passes over the prompts', default: String(GENERATE_DEFAULTS.runs) },
  { name: 'warmup', value: 'N', description: 'Warm-up passes over the prompts', default: String(GENERATE_DEFAULTS.warmup) },
  { name: 'batch-size', value: 'N', description: 'Prompts generated together, left-padded', default: String(GENERATE_DEFAULTS.batchSize) },
  {
    name: 'stop-at-eos',
    description: 'Stop at the end-of-sequence token',
    default: GENERATE_DEFAULTS.ignoreEos ? 'always generate N tokens, for comparable runs' : 'stop at the end-of-sequence token',
  },
  { name: 'threads', value: 'N', description: 'onnxruntime intra-op threads', default: ORT_THREADS },
  { name: 'csv', value: 'FILE', description: 'Also write the per-prompt figures as CSV' },
  { name: 'json', value: 'FILE', description: 'Also write the full result as JSON' },
  // options of a single-run profile: parsed so that they are refused with a reason, not as unknown
  { name: 'min-time', value: 'MS', description: 'Not with --prompts: generation runs whole prompts, not one session.run' },
  { name: 'dims', value: 'a=1,b=2', description: 'Not with --prompts: generation runs whole prompts, not one session.run' },
] as const satisfies readonly Flag[]

export const ENDPOINT_FLAGS = [
  { name: 'model', value: 'NAME', description: "The model name the server serves (the request's model field); required" },
  { name: 'prompts', value: 'FILE', description: 'Prompts: one per line (blank lines skipped), or a JSON array of strings; required' },
  { name: 'max-new-tokens', value: 'N', description: 'Output tokens to ask for per request', default: ENDPOINT_GENERATE_SPEC.maxNewTokens.default },
  { name: 'api', value: 'chat|completions', description: 'POST {URL}/chat/completions or {URL}/completions', default: 'chat' },
  {
    name: 'api-key-env',
    value: 'NAME',
    description: 'Environment variable holding the API key (sent as a bearer token, never recorded)',
    default: 'OPENAI_API_KEY when set',
  },
  { name: 'runs', value: 'N', description: 'Measured passes over the prompts', default: ENDPOINT_GENERATE_SPEC.runs.default },
  { name: 'warmup', value: 'N', description: 'Warm-up passes over the prompts', default: ENDPOINT_GENERATE_SPEC.warmup.default },
  { name: 'stop-at-eos', description: 'Do not send ignore_eos: true', default: 'send it, for comparable runs' },
  {
    name: 'tokenizer',
    value: 'PATH',
    description: 'tokenizer.json (or its folder) to count tokens when the server sends no usage',
    default: 'count content chunks, flagged as an estimate',
  },
  { name: 'connect-timeout', value: 'MS', description: 'Per request: sent to connected', default: String(ENDPOINT_TIMEOUT_DEFAULTS.connectMs) },
  {
    name: 'first-token-timeout',
    value: 'MS',
    description: 'Per request: scheduled to the first content chunk',
    default: String(ENDPOINT_TIMEOUT_DEFAULTS.firstTokenMs),
  },
  { name: 'total-timeout', value: 'MS', description: 'Per request: scheduled to the end of the stream', default: String(ENDPOINT_TIMEOUT_DEFAULTS.totalMs) },
  { name: 'csv', value: 'FILE', description: 'Also write the per-prompt figures as CSV' },
  { name: 'json', value: 'FILE', description: 'Also write the full result as JSON' },
] as const satisfies readonly Flag[]

/** `load <URL>`: the request flags of `profile <URL>` (less the passes and the per-prompt CSV), then the load test's own. */
const PROFILE_ONLY = new Set(['runs', 'warmup', 'csv', 'json'])
export const ENDPOINT_LOAD_FLAGS = [...ENDPOINT_FLAGS.filter((f) => !PROFILE_ONLY.has(f.name)), ...LOAD_ENDPOINT_ONLY_FLAGS]

export const COMPARE_FLAGS = [
  {
    name: 'tolerance',
    value: String(DEFAULT_TOLERANCE),
    description: 'Tolerance of every metric, raised to the noise floors of memory and load times',
    default: String(DEFAULT_TOLERANCE),
  },
  { name: 'metrics', value: 'a,b', description: 'Metrics to compare', default: 'those the gate compared' },
  { name: 'alpha', value: 'P', description: 'Significance level', default: String(DEFAULT_ALPHA) },
  { name: 'md', value: 'FILE', description: 'Also write the comparison as Markdown' },
  { name: 'html', value: 'FILE', description: 'Also write the comparison as HTML' },
  { name: 'json', value: 'FILE', description: 'Also write the comparison as JSON (a results file)' },
] as const satisfies readonly Flag[]

export const REPORT_FLAGS = [
  { name: 'md', value: 'FILE', description: 'Write the results file as Markdown', default: 'Markdown on stdout' },
  { name: 'html', value: 'FILE', description: 'Write the results file (or, with --history, the trends) as HTML' },
  { name: 'history', value: 'FILE', description: "A history file (the plugin's history option) to draw trends from; needs --html" },
] as const satisfies readonly Flag[]

export const SWEEP_FLAGS = [
  {
    name: 'over',
    value: 'axis=v1,v2',
    description:
      'The axis and its values: a symbolic dimension (batch=1,4,8), intraOpNumThreads=1,2, graphOptimizationLevel=basic,all, executionProviders=cpu,cuda+cpu; ' +
      'with --prompts maxNewTokens=4,8, batchSize=1,2 or promptTokens=8,32 (prompts cut or repeated to that length)',
  },
  { name: 'dims', value: 'a=1,b=2', description: 'Values of symbolic input dimensions at every point' },
  {
    name: 'runs',
    value: 'N',
    description: 'Minimum measured runs per point; with --prompts, passes over the prompts',
    default: `${PROFILE_DEFAULTS.runs}; ${GENERATE_DEFAULTS.runs} with --prompts`,
  },
  {
    name: 'warmup',
    value: 'N',
    description: 'Warm-up runs per point; with --prompts, passes over the prompts',
    default: `${PROFILE_DEFAULTS.warmup}; ${GENERATE_DEFAULTS.warmup} with --prompts`,
  },
  { name: 'min-time', value: 'MS', description: 'Minimum measured time per point in ms', default: String(PROFILE_DEFAULTS.minTime) },
  { name: 'threads', value: 'N', description: 'onnxruntime intra-op threads', default: ORT_THREADS },
  { name: 'json', value: 'FILE', description: 'Also write the full result as JSON' },
  { name: 'csv', value: 'FILE', description: 'Also write one row per point as CSV' },
  {
    name: 'prompts',
    value: 'FILE',
    description: 'Generation sweep of a language model folder (default: the embedded tiny-gpt): TTFT, TPOT, E2E and output tokens/s per point',
  },
  {
    name: 'max-new-tokens',
    value: 'N',
    description: 'With --prompts: tokens per prompt where the axis does not set it',
    default: String(GENERATE_DEFAULTS.maxNewTokens),
  },
] as const satisfies readonly Flag[]

export const LOAD_FLAGS = [
  {
    name: 'concurrency',
    value: '1,2,4',
    description: 'Concurrency levels: worker threads, each with its own session',
    default: LOAD_DEFAULTS.concurrency.join(','),
  },
  { name: 'duration', value: 'MS', description: 'How long each level sends requests', default: String(LOAD_DEFAULTS.durationMs) },
  { name: 'rate', value: 'N', description: 'Offer N requests/s (open loop) instead of back-to-back' },
  { name: 'slo', value: 'p95=50,...', description: 'Latency bounds (p50, p90, p95, p99 in ms; errorRate); exits 1 when no level meets them' },
  { name: 'max-requests', value: 'N', description: 'Most requests per level', default: String(LOAD_DEFAULTS.maxRequests) },
  { name: 'dims', value: 'a=1,b=2', description: 'Values of symbolic input dimensions' },
  { name: 'threads', value: 'N', description: "onnxruntime intra-op threads of each worker's session", default: LOAD_SPEC.session.default },
  { name: 'json', value: 'FILE', description: 'Also write the full result as JSON' },
  { name: 'csv', value: 'FILE', description: 'Also write one row per level as CSV' },
  {
    name: 'prompts',
    value: 'FILE',
    description:
      'Each request generates from one prompt with a language model folder (default: the embedded tiny-gpt); adds output tokens/s, TTFT and TPOT p50/p95 per level',
  },
  { name: 'max-new-tokens', value: 'N', description: 'With --prompts: tokens per request', default: String(GENERATE_DEFAULTS.maxNewTokens) },
] as const satisfies readonly Flag[]

export const COMPARE_MODELS_FLAGS = [
  { name: 'reference', value: 'NAME', description: 'The variant the others are compared with', default: 'the first' },
  { name: 'rounds', value: 'N', description: 'Rounds of interleaved runs', default: String(COMPARE_DEFAULTS.rounds) },
  { name: 'runs-per-round', value: 'N', description: 'Measured runs of each variant per round', default: String(COMPARE_DEFAULTS.runsPerRound) },
  { name: 'warmup', value: 'N', description: 'Unmeasured runs per variant per round', default: String(COMPARE_DEFAULTS.warmup) },
  { name: 'process-rounds', value: 'N', description: 'Fresh processes per variant, for load time and memory', default: String(COMPARE_DEFAULTS.processRounds) },
  { name: 'dims', value: 'a=1,b=2', description: 'Values of symbolic input dimensions' },
  { name: 'threads', value: 'N', description: 'onnxruntime intra-op threads', default: ORT_THREADS },
  { name: 'json', value: 'FILE', description: 'Also write the full result as JSON' },
  { name: 'csv', value: 'FILE', description: 'Also write one row per variant as CSV' },
] as const satisfies readonly Flag[]

export const INSPECT_FLAGS = [{ name: 'json', description: 'Print the facts as JSON instead of text', default: 'text' }] as const satisfies readonly Flag[]

export const INIT_FLAGS = [
  { name: 'model', value: 'PATH', description: 'The model the example perf test profiles (its inputs fill in dims); without it, no example test is written' },
  { name: 'dry-run', description: 'Print what would be created or changed, and write nothing' },
] as const satisfies readonly Flag[]

/** Every command's help, by command name; `profile` has three modes (a model, generation, an endpoint), so three tables. */
export const COMMAND_TABLES: Readonly<Record<string, readonly CommandTable[]>> = {
  profile: [
    {
      synopsis: 'profile [model.onnx]',
      about:
        'Profile a model and print its figures. Without a model, profiles the embedded default (a tiny GPT-style decoder, one decode step with 15 cached tokens).',
      flags: PROFILE_FLAGS,
    },
    {
      synopsis: 'profile --prompts FILE [model]',
      heading: 'profile --prompts FILE (generation)',
      about:
        'Profile text generation: TTFT, TPOT, E2E and tokens/s per prompt. The model is a folder with an .onnx decoder and its tokenizer.json; ' +
        'without one, generates with the embedded default language model (bench/models/tiny-gpt).',
      flags: GENERATE_FLAGS,
    },
    {
      synopsis: 'profile <http(s) URL> --model NAME --prompts FILE',
      heading: 'profile URL (an OpenAI-compatible streaming server)',
      about:
        'Profile a serving endpoint (vLLM, llama.cpp server, TGI, perfgate serve): stream each prompt from {URL}/chat/completions or {URL}/completions, ' +
        'one request at a time, and print TTFT, TPOT, E2E and tokens/s per prompt, and their distributions with ITL over all requests. URL is the base, e.g. http://127.0.0.1:8000/v1.',
      flags: ENDPOINT_FLAGS,
    },
  ],
  init: [
    {
      synopsis: 'init [--model model.onnx]',
      about:
        'Set up perf tests in the npm project of the current folder: vitest.config.ts (.mts in a CommonJS package) with the plugin and a `perf` project, an example perf test for the model, ' +
        'the .npmrc line, the tsconfig types entry and a GitHub workflow. Never overwrites a file: for one that exists it prints what to add.',
      flags: INIT_FLAGS,
    },
  ],
  inspect: [
    {
      synopsis: 'inspect model.onnx',
      about:
        "Print a model's inputs and outputs (types, shapes, symbolic and unnamed dimensions), operator sets, size and sha256, and the `dims` object and --dims flag that set its free dimensions.",
      flags: INSPECT_FLAGS,
    },
  ],
  update: [
    {
      synopsis: 'update [filter...]',
      about: 'Re-record baselines: runs `vitest run -u [filter...]` in the current folder, forwarding the filters (and any other argument) to vitest.',
      flags: [],
    },
  ],
  compare: [
    {
      synopsis: 'compare A.json B.json',
      about:
        "Judge B against A with the gate's rule. A and B are results files (the plugin's json option) or profile results (profile --json). Exit 1 on a regression.",
      flags: COMPARE_FLAGS,
    },
  ],
  report: [
    {
      synopsis: 'report results.json',
      about:
        'Render a results file: Markdown on stdout, or --md FILE / --html FILE. With --history FILE --html OUT, draw the trend of every gated metric over the commits of a history file.',
      flags: REPORT_FLAGS,
    },
  ],
  sweep: [
    {
      synopsis: 'sweep [model.onnx] --over axis=v1,v2,...',
      about: 'Profile one point per value of a symbolic dimension or a session option; speedup, efficiency, where it flattens.',
      flags: SWEEP_FLAGS,
    },
  ],
  load: [
    {
      synopsis: 'load [model.onnx]',
      about: 'Load test in worker threads at several concurrency levels; requests/s, latency percentiles, errors, goodput under --slo.',
      flags: LOAD_FLAGS,
    },
    { ...LOAD_ENDPOINT_TABLE_TEXT, flags: ENDPOINT_LOAD_FLAGS },
  ],
  serve: [SERVE_TABLE],
  'compare-models': [
    {
      synopsis: 'compare-models [name=]a.onnx [name=]b.onnx ...',
      about: 'Run variants interleaved; ratios with confidence intervals.',
      flags: COMPARE_MODELS_FLAGS,
    },
  ],
}

/** The flags of `perfgate serve` and the load test's own flags against a server (`load <URL>`). */
import { ENDPOINT_LOAD_DEFAULTS } from '../measure/endpoint-load/endpoint-load.js'
import { DEFAULT_ATTAINMENT } from '../compare/slo.js'
import { SERVE_DEFAULTS } from '../serve/serve-options.js'
import type { CommandTable, Flag } from './flag-types.js'

export const SERVE_FLAGS = [
  { name: 'port', value: 'N', description: 'Port to listen on; 0 picks a free one', default: String(SERVE_DEFAULTS.port) },
  { name: 'host', value: 'ADDR', description: 'Interface to listen on', default: `${SERVE_DEFAULTS.host} (this machine only)` },
  { name: 'model-name', value: 'NAME', description: 'The model name clients send and /v1/models lists', default: "the folder's name" },
  { name: 'queue', value: 'N', description: 'Requests that may wait while one generates; more are answered 429', default: String(SERVE_DEFAULTS.queue) },
  { name: 'delay-per-token-ms', value: 'MS', description: 'Sleep before sending each token: a slower server for tests and demos', default: '0' },
  { name: 'threads', value: 'N', description: 'onnxruntime intra-op threads', default: "onnxruntime's" },
] as const satisfies readonly Flag[]

export const SERVE_TABLE: CommandTable = {
  synopsis: 'serve [model folder]',
  about:
    "Serve a language model folder (default: the embedded tiny-gpt) as an OpenAI-compatible streaming API with perfgate's own generation loop: " +
    'POST /v1/chat/completions and /v1/completions, GET /v1/models. Prints its URL; Ctrl+C (SIGINT) or SIGTERM stops it.',
  flags: SERVE_FLAGS,
}

export const LOAD_ENDPOINT_ONLY_FLAGS = [
  {
    name: 'concurrency',
    value: '1,2,4',
    description: 'Closed loop: requests in flight at each level, back to back',
    default: `${ENDPOINT_LOAD_DEFAULTS.concurrency.join(',')} unless --rate`,
  },
  { name: 'rate', value: '2,4,8', description: 'Open loop: requests per second offered at each level, arriving at random (Poisson)' },
  { name: 'burstiness', value: 'X', description: 'With --rate: gamma shape of the arrival gaps; 1 is Poisson, < 1 burstier', default: '1' },
  { name: 'duration', value: 'MS', description: 'How long each level sends requests', default: String(ENDPOINT_LOAD_DEFAULTS.durationMs) },
  { name: 'max-requests', value: 'N', description: 'Most requests per level', default: String(ENDPOINT_LOAD_DEFAULTS.maxRequests) },
  { name: 'warmup', value: 'N', description: 'Unmeasured requests before the first level', default: String(ENDPOINT_LOAD_DEFAULTS.warmup) },
  { name: 'slo-ttft-ms', value: 'MS', description: 'Per-request bound on TTFT; a request within every bound is good (goodput)' },
  { name: 'slo-tpot-ms', value: 'MS', description: 'Per-request bound on TPOT' },
  { name: 'slo-e2e-ms', value: 'MS', description: 'Per-request bound on E2E' },
  {
    name: 'slo-attainment',
    value: 'P',
    description: 'Least share of good requests for a level to meet the SLO',
    default: String(DEFAULT_ATTAINMENT),
  },
  { name: 'slo', value: 'p95=500,...', description: 'E2E percentile bounds (p50, p90, p95, p99 in ms) and errorRate' },
  { name: 'find-max', description: 'Search for the most load meeting the SLO: double from the first level, then bisect' },
  { name: 'seed', value: 'N', description: 'Seed of the arrival times', default: String(ENDPOINT_LOAD_DEFAULTS.seed) },
  { name: 'json', value: 'FILE', description: 'Also write the full result as JSON' },
  { name: 'csv', value: 'FILE', description: 'Also write one row per level as CSV' },
] as const satisfies readonly Flag[]

export const LOAD_ENDPOINT_TABLE_TEXT = {
  synopsis: 'load <URL> --model NAME --prompts FILE',
  heading: 'load <URL> (a serving endpoint)',
  about:
    'Load-test an OpenAI-compatible streaming server: per level requests/s, output tokens/s, TTFT / TPOT / E2E percentiles, errors with their reasons, ' +
    'goodput under the --slo-* bounds; exits 1 when no level meets the SLO.',
} as const

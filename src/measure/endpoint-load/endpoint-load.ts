/**
 * `profile.load(url, { generate, concurrency | rate, ... })`: a load test against an OpenAI-compatible
 * streaming server. Each request streams one prompt (the prompts in turn) with the endpoint client, and
 * each level reports requests/s, output tokens/s, TTFT / TPOT / E2E percentiles, the error rate with its
 * reasons, and goodput under the SLO (compare/slo.ts). With `findMax`, the levels are those of a search
 * for the most load that meets the SLO (compare/max-load-search.ts), from the first level given.
 *
 * Like `profile.generate(url)` it takes no machine lock: the work measured runs in the server.
 */
import { perfgateError } from '../../errors.js'
import { findMaxLoad } from '../../compare/max-load-search.js'
import { levelFigures, sustainableLevel, type LevelSamples } from '../../compare/slo.js'
import { ENDPOINT_LOAD_SPEC } from '../../options/endpoint-load-spec.js'
import { validateOptions } from '../../options/validate-options.js'
import type { LoadLevel, LoadResult, LoadSlo, ServerFacts } from '../../types/index.js'
import { loadPrompts } from '../generation/generate-options.js'
import { collectTestbed } from '../run/testbed.js'
import { endpointBaseUrl, endpointIdentity, resolveApiKey } from '../endpoint/endpoint-identity.js'
import { ENDPOINT_TIMEOUT_DEFAULTS, type EndpointGenerateOptions } from '../endpoint/endpoint-options.js'
import { streamRequest } from '../endpoint/stream-request.js'
import { closedLoopLevel, openLoopLevel, type LevelPlan, type SendRequest } from './endpoint-load-level.js'

export interface EndpointLoadOptions {
  /** What each request generates: profile.generate(url)'s options less warmup and runs. Required: model and prompts. */
  generate: Omit<EndpointGenerateOptions, 'warmup' | 'runs' | 'onProgress'>
  /** Closed loop: requests in flight at each level, back to back. @default [1, 2, 4] unless rate is given */
  concurrency?: number[]
  /** Open loop: requests per second offered at each level, arriving at random times. @default unset */
  rate?: number[]
  /** Shape of the gamma distribution of the gaps between arrivals: 1 is Poisson, below 1 burstier, above 1 more even. @default 1 */
  burstiness?: number
  /** How long each level sends requests, ms (requests in flight then finish). @default 10000 */
  durationMs?: number
  /** Most requests per level. @default 100000 */
  maxRequests?: number
  /** Unmeasured requests, one at a time, before the first level. @default 1 */
  warmup?: number
  /** Objective of a level: TTFT / TPOT / E2E bounds per request (ms), E2E percentiles (p50..p99) and errorRate. @default none */
  slo?: LoadSlo
  /** Search for the most load that meets the SLO: double from the first level given, then bisect. @default false */
  findMax?: boolean
  /** Seed of the arrival times (level i uses seed + i). @default 1 */
  seed?: number
  /** Called with progress messages. @default none */
  onProgress?: (message: string) => void
}

export const ENDPOINT_LOAD_DEFAULTS = { concurrency: [1, 2, 4], durationMs: 10_000, maxRequests: 100_000, warmup: 1, burstiness: 1, seed: 1 } as const

const SLO_KEYS = ['p50', 'p90', 'p95', 'p99', 'errorRate', 'ttftMs', 'tpotMs', 'e2eMs', 'attainment']

function checkSlo(slo: unknown): LoadSlo | null {
  if (slo === undefined) return null
  for (const [k, v] of Object.entries(slo as object)) {
    if (!SLO_KEYS.includes(k)) throw perfgateError('OPTION_INVALID', { option: `slo.${k}`, value: v, expected: `one of ${SLO_KEYS.join(', ')}` })
    const share = k === 'errorRate' || k === 'attainment'
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (share && v > 1)) {
      throw perfgateError('OPTION_INVALID', { option: `slo.${k}`, value: v, expected: share ? 'a share between 0 and 1' : 'a number of milliseconds >= 0' })
    }
  }
  return slo as LoadSlo
}

function settings(options: EndpointLoadOptions) {
  validateOptions(ENDPOINT_LOAD_SPEC, options, 'profile.load')
  const g = options.generate
  if (g === undefined || g.model === undefined || g.prompts === undefined) {
    throw perfgateError('OPTION_INVALID', {
      option: 'profile.load(url, { generate })',
      value: g,
      expected: "what each request generates, e.g. { generate: { model: 'my-model', prompts: ['Hello'] } }",
    })
  }
  if (options.concurrency !== undefined && options.rate !== undefined) {
    throw perfgateError('OPTION_INVALID', { option: 'rate', value: options.rate, expected: 'either concurrency (closed loop) or rate (open loop), not both' })
  }
  return {
    levels: options.rate ?? options.concurrency ?? [...ENDPOINT_LOAD_DEFAULTS.concurrency],
    open: options.rate !== undefined,
    durationMs: options.durationMs ?? ENDPOINT_LOAD_DEFAULTS.durationMs,
    maxRequests: options.maxRequests ?? ENDPOINT_LOAD_DEFAULTS.maxRequests,
    warmup: options.warmup ?? ENDPOINT_LOAD_DEFAULTS.warmup,
    burstiness: options.burstiness ?? ENDPOINT_LOAD_DEFAULTS.burstiness,
    seed: options.seed ?? ENDPOINT_LOAD_DEFAULTS.seed,
    slo: checkSlo(options.slo),
  }
}

/** The one request function of the test: the endpoint client with the test's model, headers, key and timeouts. */
function requestSender(url: string, g: EndpointLoadOptions['generate'], facts: ServerFacts): SendRequest {
  const apiKey = resolveApiKey(g.apiKeyEnv)
  return async (prompt, scheduledAt) => {
    const rec = await streamRequest({
      url,
      api: g.api ?? 'chat',
      model: g.model,
      prompt,
      maxNewTokens: g.maxNewTokens ?? 32,
      ignoreEos: g.ignoreEos ?? true,
      headers: g.headers ?? {},
      ...(apiKey !== undefined ? { apiKey } : {}),
      timeouts: { ...ENDPOINT_TIMEOUT_DEFAULTS, ...g.timeouts },
      scheduledAt,
    })
    Object.assign(facts, rec.server)
    return rec
  }
}

export async function loadEndpoint(rawUrl: string, options: EndpointLoadOptions): Promise<LoadResult> {
  const set = settings(options)
  const url = endpointBaseUrl(rawUrl)
  const prompts = loadPrompts(options.generate.prompts)
  const facts: ServerFacts = {}
  const send = requestSender(url, options.generate, facts)
  const progress = options.onProgress
  const windowStart = Date.now()
  for (let i = 0; i < set.warmup; i++) {
    const rec = await send(prompts[i % prompts.length]!, performance.now())
    if (rec.status !== 'ok') throw perfgateError('ENDPOINT_REQUEST_FAILED', { url, where: `warm-up request ${i + 1}`, reason: rec.reason ?? 'no content' })
  }
  const plan: LevelPlan = { prompts, durationMs: set.durationMs, maxRequests: set.maxRequests, slo: set.slo, clock: () => performance.now() }
  let index = 0
  const measure = async (load: number): Promise<LoadLevel> => {
    progress?.(`load: ${set.open ? `${load} requests/s offered` : `concurrency ${load}`} for ${set.durationMs} ms`)
    const samples: LevelSamples = set.open ? await openLoopLevel(send, load, set.burstiness, set.seed + index++, plan) : await closedLoopLevel(send, load, plan)
    return levelFigures(samples, set.slo)
  }
  let levels: LoadLevel[]
  let maxLoad: LoadResult['maxLoad']
  if (options.findMax) {
    const search = await findMaxLoad(measure, { start: set.levels[0]!, integer: !set.open })
    levels = search.steps.map((s) => s.level)
    maxLoad = { by: set.open ? 'rate' : 'concurrency', best: search.best, reason: search.reason }
  } else {
    levels = []
    for (const load of set.levels) levels.push(await measure(load))
  }
  const { index: sustainable, goodput } = sustainableLevel(levels)
  return {
    kind: 'load',
    target: url,
    levels,
    slo: set.slo,
    sustainable,
    goodput,
    workerLoadMs: [],
    durationMs: set.durationMs,
    testbed: { ...collectTestbed('none'), endpoint: endpointIdentity(url, options.generate.api ?? 'chat', options.generate.model, facts) },
    window: { start: windowStart, end: Date.now() },
    ...(maxLoad ? { maxLoad } : {}),
  }
}

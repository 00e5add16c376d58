/**
 * `profile.generate(url, options)`: text generation measured against an
 * OpenAI-compatible streaming server, one request at a time: warm-up passes
 * over the prompts, then measured passes, each request streamed and timed
 * from the moment it was scheduled (stream-request.ts). The result is a
 * GenerationResult like a local model's, so matchers, reports, history and
 * gates work unchanged; the server's identity goes into `testbed.endpoint`.
 *
 * It does not take the machine-wide measurement lock: the work measured runs
 * in the server (which may be `perfgate serve` on this machine, taking its own).
 * A failed request ends the profile at once with its reason: a gate judges
 * complete measurements only.
 */
import { createHash } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { perfgateError } from '../../errors.js'
import type { GenerationRequest, GenerationResult, RequestRecord, ServerFacts } from '../../types/index.js'
import { streamedRequestFigures } from '../../metrics/token-timings.js'
import { loadPrompts } from '../generation/generate-options.js'
import { loadTokenizer } from '../generation/language-model-files.js'
import { generationFigures } from '../generation/summarize-generation.js'
import { PeakMemory, rssMB } from '../run/memory.js'
import { collectTestbed } from '../run/testbed.js'
import { endpointBaseUrl, endpointIdentity, endpointModelIdentity, resolveApiKey } from './endpoint-identity.js'
import { recordedEndpointOptions, resolveEndpointOptions, type EndpointGenerateOptions, type ResolvedEndpointOptions } from './endpoint-options.js'
import { streamRequest } from './stream-request.js'

/** Counts tokens of a text with a tokenizer.json (or a folder holding one): no special tokens. */
function tokenCounter(path: string | undefined): { count: (text: string) => number; label: string } | undefined {
  if (path === undefined) return undefined
  const abs = resolve(path)
  const isFolder = existsSync(abs) && statSync(abs).isDirectory()
  const file = isFolder ? join(abs, 'tokenizer.json') : abs
  if (!existsSync(file)) throw perfgateError('TOKENIZER_INVALID', { path: isFolder ? join(path, 'tokenizer.json') : path, detail: 'the file does not exist' })
  const config = join(isFolder ? abs : resolve(abs, '..'), 'tokenizer_config.json')
  const tokenizer = loadTokenizer(file, existsSync(config) ? config : undefined)
  return { count: (text) => tokenizer.encode(text, { add_special_tokens: false }).ids.length, label: path }
}

interface Plan {
  url: string
  o: ResolvedEndpointOptions
  prompts: string[]
  apiKey: string | undefined
  headers: Readonly<Record<string, string>>
  counter: ReturnType<typeof tokenCounter>
}

/** One request of the plan, measured. */
function send(p: Plan, prompt: string): Promise<RequestRecord> {
  return streamRequest({
    url: p.url,
    api: p.o.api,
    model: p.o.model,
    prompt,
    maxNewTokens: p.o.maxNewTokens,
    ignoreEos: p.o.ignoreEos,
    headers: p.headers,
    ...(p.apiKey !== undefined ? { apiKey: p.apiKey } : {}),
    timeouts: p.o.timeouts,
    ...(p.counter ? { countTokens: p.counter.count } : {}),
  })
}

/** The record, or the profile's end with the request's reason. */
function okRecord(p: Plan, rec: RequestRecord, where: string): RequestRecord & { ttftMs: number; e2eMs: number } {
  if (rec.status !== 'ok' || rec.ttftMs === null || rec.e2eMs === null) {
    throw perfgateError('ENDPOINT_REQUEST_FAILED', { url: p.url, where, reason: rec.reason ?? 'no content' })
  }
  return rec as RequestRecord & { ttftMs: number; e2eMs: number }
}

/** The passes: warm-up ones unrecorded, then measured ones; the requests' figures and what the last pass gave per prompt. */
async function passes(p: Plan, onProgress?: (m: string) => void) {
  const inputTokens = (rec: RequestRecord, prompt: string) => rec.promptTokens ?? p.counter?.count(prompt) ?? 0
  for (let w = 0; w < p.o.warmup; w++) {
    for (let i = 0; i < p.prompts.length; i++) okRecord(p, await send(p, p.prompts[i]!), `prompt ${i}, warm-up pass ${w + 1}`)
  }
  onProgress?.(`warmed up against ${p.url}; measuring ${p.o.runs} passes over ${p.prompts.length} prompts...`)
  const peak = new PeakMemory()
  const requests: GenerationRequest[] = []
  const last: RequestRecord[] = []
  const sources = new Set<RequestRecord['tokenSource']>()
  let facts: ServerFacts = {}
  const start = performance.now()
  for (let run = 0; run < p.o.runs; run++) {
    for (let i = 0; i < p.prompts.length; i++) {
      const rec = okRecord(p, await send(p, p.prompts[i]!), `prompt ${i}, measured pass ${run + 1}`)
      const { ttftMs, e2eMs, itlMs, outputTokens } = rec
      requests.push(streamedRequestFigures({ prompt: i, run, inputTokens: inputTokens(rec, p.prompts[i]!), outputTokens, ttftMs, e2eMs, itlMs }))
      sources.add(rec.tokenSource)
      facts = { ...facts, ...rec.server }
      last[i] = rec
      peak.sample()
    }
  }
  const wallMs = performance.now() - start
  return { requests, last, facts, sources, wallMs, peak }
}

/** @param env where the API key is read (the CLI passes its own) */
export async function profileEndpoint(rawUrl: string, options: EndpointGenerateOptions, env: NodeJS.ProcessEnv = process.env): Promise<GenerationResult> {
  const o = resolveEndpointOptions(options)
  const url = endpointBaseUrl(rawUrl)
  const prompts = loadPrompts(options.prompts)
  const plan: Plan = {
    url,
    o,
    prompts,
    apiKey: resolveApiKey(options.apiKeyEnv, env),
    headers: options.headers ?? {},
    counter: tokenCounter(options.tokenizer),
  }
  const windowStart = Date.now()
  const rssBefore = rssMB()
  const { requests, last, facts, sources, wallMs, peak } = await passes(plan, options.onProgress)
  const identity = endpointIdentity(url, o.api, o.model, facts)
  const outcomes = prompts.map((prompt, i) => ({
    prompt,
    inputTokens: requests.find((r) => r.prompt === i)!.inputTokens,
    tokens: [],
    text: last[i]!.text,
    outputTokens: last[i]!.outputTokens,
  }))
  const totalOutput = requests.reduce((a, r) => a + r.outputTokens, 0)
  const peakRssMB = peak.peak()
  const promptsSha256 = createHash('sha256').update(JSON.stringify(prompts)).digest('hex').slice(0, 12)
  return {
    kind: 'generation',
    model: endpointModelIdentity(identity),
    tokenizer: plan.counter?.label ?? 'none',
    layout: 'endpoint',
    loadMs: 0,
    warmupRuns: o.warmup,
    runs: o.runs,
    batchSize: 1,
    maxNewTokens: o.maxNewTokens,
    ignoreEos: o.ignoreEos,
    ...generationFigures(outcomes, requests),
    // the client's own memory: reported, never gated (see generation-metrics.ts)
    memory: { rssBeforeLoadMB: rssBefore, rssAfterLoadMB: rssBefore, peakRssMB, peakDeltaMB: peakRssMB - rssBefore, peakSource: peak.source },
    testbed: { ...collectTestbed('none'), endpoint: identity },
    options: recordedEndpointOptions(o, options, prompts.length, promptsSha256),
    window: { start: windowStart, end: Date.now() },
    endpoint: {
      tokenSource: sources.size === 1 ? [...sources][0]! : 'mixed',
      overallTokensPerSecond: wallMs > 0 ? (totalOutput * 1000) / wallMs : 0,
      wallMs,
    },
  }
}

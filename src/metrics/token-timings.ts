/**
 * The metric math of generation, pure: from when each token of a request was
 * available to TTFT, TPOT, ITL, E2E and tokens per second; pooling across
 * requests; and how TTFT and TPOT grow with the prompt's length. No I/O, no
 * clock: the generation loop records the timestamps, this turns them into figures.
 */
import { linearFit } from '../stats/index.js'
import type { GenerationRequest, TokenScaling } from '../types/index.js'

/** One request's timeline as the generation loop recorded it. */
export interface RequestTimeline {
  /** Index of the prompt. */
  prompt: number
  /** Measured pass, from 0. */
  run: number
  /** Prompt tokens. */
  inputTokens: number
  /**
   * When each generated token was available, ms from the moment the prompt was
   * given (before tokenizing); ascending, one per output token.
   */
  tokenTimesMs: readonly number[]
}

/**
 * A request's figures:
 * - TTFT = time of the first token; E2E = time of the last token;
 * - TPOT = (E2E - TTFT) / (output tokens - 1), null with one output token;
 * - ITL = each gap between consecutive tokens (output tokens - 1 values);
 * - prefill tokens/s = input tokens / TTFT; tokens/s = output tokens / E2E;
 *   total tokens/s = (input + output tokens) / E2E (per second, times in ms).
 *
 * @throws RangeError without tokens, with times that decrease, are negative or not finite
 */
export function requestFigures(t: RequestTimeline): GenerationRequest {
  const times = t.tokenTimesMs
  const n = times.length
  if (n === 0) throw new RangeError('requestFigures: a request needs at least one generated token')
  let prev = 0
  for (let i = 0; i < n; i++) {
    const x = times[i]!
    if (!Number.isFinite(x) || x < prev) {
      throw new RangeError(`requestFigures: token time ${i} is ${x}; times must be finite, >= 0 and ascending`)
    }
    prev = x
  }
  const ttftMs = times[0]!
  const e2eMs = times[n - 1]!
  const itlMs: number[] = []
  for (let i = 1; i < n; i++) itlMs.push(times[i]! - times[i - 1]!)
  const perSecond = (tokens: number, ms: number): number => (ms > 0 ? (tokens * 1000) / ms : 0)
  return {
    prompt: t.prompt,
    run: t.run,
    inputTokens: t.inputTokens,
    outputTokens: n,
    ttftMs,
    tpotMs: n > 1 ? (e2eMs - ttftMs) / (n - 1) : null,
    e2eMs,
    itlMs,
    prefillTokensPerSecond: perSecond(t.inputTokens, ttftMs),
    tokensPerSecond: perSecond(n, e2eMs),
    totalTokensPerSecond: perSecond(t.inputTokens + n, e2eMs),
  }
}

/** A streamed request's measured figures (an endpoint): output tokens may differ from the chunks timed. */
export interface StreamedTimeline {
  prompt: number
  run: number
  inputTokens: number
  outputTokens: number
  /** Scheduled to the first content chunk, and to the last, ms. */
  ttftMs: number
  e2eMs: number
  /** Gaps between consecutive content chunks, ms. */
  itlMs: readonly number[]
}

/**
 * A streamed request's figures, with the same definitions as requestFigures: TPOT = (E2E - TTFT) /
 * (output tokens - 1), null with one output token; ITL = the gaps between content chunks as received.
 */
export function streamedRequestFigures(t: StreamedTimeline): GenerationRequest {
  const perSecond = (tokens: number, ms: number): number => (ms > 0 ? (tokens * 1000) / ms : 0)
  return {
    prompt: t.prompt,
    run: t.run,
    inputTokens: t.inputTokens,
    outputTokens: t.outputTokens,
    ttftMs: t.ttftMs,
    tpotMs: t.outputTokens > 1 ? (t.e2eMs - t.ttftMs) / (t.outputTokens - 1) : null,
    e2eMs: t.e2eMs,
    itlMs: [...t.itlMs],
    prefillTokensPerSecond: perSecond(t.inputTokens, t.ttftMs),
    tokensPerSecond: perSecond(t.outputTokens, t.e2eMs),
    totalTokensPerSecond: perSecond(t.inputTokens + t.outputTokens, t.e2eMs),
  }
}

/** Every inter-token gap of every request, pooled in request order. */
export function pooledItl(requests: readonly GenerationRequest[]): number[] {
  return requests.flatMap((r) => r.itlMs)
}

/** TPOT of the requests that have one (two or more output tokens). */
export function tpotSamples(requests: readonly GenerationRequest[]): number[] {
  const out: number[] = []
  for (const r of requests) if (r.tpotMs !== null) out.push(r.tpotMs)
  return out
}

/**
 * Least-squares line of `figure` (TTFT or TPOT, ms) on input tokens over
 * every request that has the figure; null when fewer than two distinct input
 * lengths make the slope undefined.
 */
export function tokenScaling(requests: readonly GenerationRequest[], figure: 'ttftMs' | 'tpotMs'): TokenScaling | null {
  const xs: number[] = []
  const ys: number[] = []
  for (const r of requests) {
    const y = r[figure]
    if (y === null) continue
    xs.push(r.inputTokens)
    ys.push(y)
  }
  if (new Set(xs).size < 2) return null
  const fit = linearFit(xs, ys)
  return { slopeMsPerToken: fit.slope, interceptMs: fit.intercept, r: fit.r, points: xs.length }
}

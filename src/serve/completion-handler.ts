/**
 * Answers one checked completion request once it has its turn: generates with the served model and
 * writes the response, streamed as server-sent events (a role-only first chunk for chat, one chunk per
 * token that has text, a last chunk with the finish reason, the usage chunk when asked, `data: [DONE]`)
 * or whole. A per-token delay, when set, is slept before each token is sent. When `signal` aborts (the
 * client went away, the server stops), generation ends after the token in progress.
 */
import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { ApiError } from './api-error.js'
import { sseEvent, streamChunk, usageChunk, usageOf, wholeResponse, type ResponseHead } from './completion-json.js'
import type { CompletionRequest } from './request-body.js'
import type { Generation, ServedModel } from './served-model.js'

export interface HandlerContext {
  model: ServedModel
  /** Slept before each token is sent (tests and demos of a slower server). */
  delayPerTokenMs: number
  signal: AbortSignal
  /** Headers every response carries (server name). */
  headers: Record<string, string>
}

function responseHead(request: CompletionRequest, model: ServedModel): ResponseHead {
  const prefix = request.api === 'chat' ? 'chatcmpl-' : 'cmpl-'
  return {
    api: request.api,
    id: prefix + randomBytes(12).toString('hex'),
    created: Math.floor(Date.now() / 1000),
    model: model.name,
    systemFingerprint: model.fingerprint,
  }
}

/** The error that stopped a generation, as the client is told it: a shutdown, or the server's own failure. */
function generationError(err: unknown, signal: AbortSignal): ApiError {
  if (err instanceof ApiError) return err
  if (signal.aborted && signal.reason instanceof ApiError) return signal.reason
  return new ApiError(500, `generation failed: ${err instanceof Error ? err.message : String(err)}`, 'server_error')
}

async function generate(request: CompletionRequest, ids: { maxTokens: number }, ctx: HandlerContext, send: (text: string) => void): Promise<Generation> {
  return ctx.model.generate(request.prompt, ids.maxTokens, request.ignoreEos, {
    signal: ctx.signal,
    onToken: async (text) => {
      if (ctx.delayPerTokenMs > 0) await sleep(ctx.delayPerTokenMs, undefined, { signal: ctx.signal }).catch(() => undefined)
      if (text !== '' && !ctx.signal.aborted) send(text)
    },
  })
}

/** Streams the response; a failure after the headers went out ends the stream with an `error` event. */
async function streamed(res: ServerResponse, request: CompletionRequest, ids: { maxTokens: number }, ctx: HandlerContext): Promise<void> {
  const head = responseHead(request, ctx.model)
  res.writeHead(200, { ...ctx.headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' })
  res.flushHeaders()
  if (request.api === 'chat') res.write(sseEvent(streamChunk(head, { role: 'assistant', text: '' }, null)))
  try {
    const g = await generate(request, ids, ctx, (text) => res.write(sseEvent(streamChunk(head, { text }, null))))
    if (ctx.signal.aborted) throw ctx.signal.reason
    res.write(sseEvent(streamChunk(head, request.api === 'chat' ? {} : { text: '' }, g.finishReason)))
    if (request.includeUsage) res.write(sseEvent(usageChunk(head, usageOf(g.promptTokens, g.outputIds.length))))
  } catch (err) {
    if (!res.writable) return
    res.write(sseEvent(generationError(err, ctx.signal).body() as unknown as Record<string, unknown>))
  }
  res.end(sseEvent('[DONE]'))
}

async function whole(res: ServerResponse, request: CompletionRequest, ids: { maxTokens: number }, ctx: HandlerContext): Promise<void> {
  const head = responseHead(request, ctx.model)
  const g = await generate(request, ids, ctx, () => undefined)
  if (ctx.signal.aborted) throw generationError(ctx.signal.reason, ctx.signal)
  const body = JSON.stringify(wholeResponse(head, g.text, g.finishReason, usageOf(g.promptTokens, g.outputIds.length)))
  res.writeHead(200, { ...ctx.headers, 'content-type': 'application/json' })
  res.end(body)
}

/** Generates and answers; ApiErrors before a stream starts propagate for the caller to answer. */
export function answerCompletion(res: ServerResponse, request: CompletionRequest, ids: { maxTokens: number }, ctx: HandlerContext): Promise<void> {
  return request.stream
    ? streamed(res, request, ids, ctx)
    : whole(res, request, ids, ctx).catch((err: unknown) => Promise.reject(generationError(err, ctx.signal)))
}

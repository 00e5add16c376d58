/**
 * One streamed request to an OpenAI-compatible server, measured. Never throws
 * and never hangs: every fault (refused connection, non-2xx status, 429, a
 * dropped connection, an error event, a malformed data line, a server that
 * stops sending, cancellation) ends the request as `failed` with its reason,
 * keeping what was measured before.
 *
 * Built on node:http / node:https rather than fetch: the connect phase is its
 * own event there (a connect timeout apart from the first-token one, which
 * fetch cannot give without undici's dispatcher, not a dependency here), every
 * read arrives as a `data` event that is timed as it comes, and the `Server`
 * header and a 429's `Retry-After` are plain fields.
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { EndpointRequest, RequestRecord } from '../../types/endpoint.js'
import { redact, requestBody, requestHeaders, requestUrl, retryAfterSeconds } from './request-body.js'
import { errorBodyMessage, readChunk } from './stream-chunk.js'
import { isDoneEvent, SseParser } from './sse-parser.js'
import { StreamRecorder } from './stream-record.js'

/** At most this many bytes of an error response's body are read for its message. */
const MAX_ERROR_BODY = 64 * 1024

/** The reason of a non-2xx status: 429 as rate limited (with Retry-After), others with the server's message. */
function statusReason(status: number, body: string, retryAfter: number | undefined): string {
  const message = body.trim() === '' ? '' : `: ${errorBodyMessage(body)}`
  if (status === 429) return `rate limited${retryAfter !== undefined ? ` (Retry-After ${retryAfter} s)` : ''}${message}`
  return `http ${status}${message}`
}

/** The network error's code or message, for a reason. */
function networkDetail(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown }
  return typeof e.code === 'string' ? e.code : String(e.message ?? err)
}

/** Streams one request and measures it; see the file's comment. */
export function streamRequest(r: EndpointRequest): Promise<RequestRecord> {
  const clock = r.clock ?? (() => performance.now())
  const rec = new StreamRecorder(r.scheduledAt ?? clock())
  return new Promise<RequestRecord>((resolveRecord) => {
    let req: ClientRequest | undefined
    let done = false
    const timers: NodeJS.Timeout[] = []
    const finish = (failure?: string) => {
      if (done) return
      done = true
      for (const t of timers) clearTimeout(t)
      r.signal?.removeEventListener('abort', onAbort)
      if (failure !== undefined) req?.destroy()
      resolveRecord(rec.finish(failure === undefined ? undefined : redact(failure, r), r.countTokens))
    }
    const onAbort = () => finish('cancelled')
    const after = (deadline: number, reason: string) => {
      const t = setTimeout(() => finish(reason), Math.max(0, deadline - clock()))
      timers.push(t)
      return t
    }
    if (r.signal?.aborted) return finish('cancelled')
    r.signal?.addEventListener('abort', onAbort, { once: true })

    const firstToken = after(rec.scheduledAt + r.timeouts.firstTokenMs, 'first-token timeout')
    after(rec.scheduledAt + r.timeouts.totalMs, 'total timeout')
    const body = JSON.stringify(requestBody(r))
    const url = new URL(requestUrl(r.url, r.api))
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    rec.sentAt = clock()
    try {
      req = send(url, { method: 'POST', headers: requestHeaders(r, Buffer.byteLength(body)) })
    } catch (err) {
      return finish(`connection failed: ${networkDetail(err)}`)
    }
    const connect = setTimeout(() => finish('connect timeout'), r.timeouts.connectMs)
    timers.push(connect)
    req.on('socket', (socket) => {
      // a reused keep-alive socket is already connected (and will never emit connect again: no listener on it)
      if (!socket.connecting) return clearTimeout(connect)
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connect))
    })
    req.on('error', (err) => finish(rec.httpStatus === undefined ? `connection failed: ${networkDetail(err)}` : 'connection dropped'))
    req.on('response', (res) => {
      clearTimeout(connect)
      rec.httpStatus = res.statusCode ?? 0
      const server = res.headers.server
      if (typeof server === 'string' && server !== '') rec.server.serverHeader = server
      if (rec.httpStatus < 200 || rec.httpStatus > 299) readErrorBody(res, finish, rec)
      else readStream(res, rec, clock, finish, () => clearTimeout(firstToken))
    })
    req.end(body)
  })
}

/** A non-2xx response: its body (bounded) for the server's message, then the request fails. */
function readErrorBody(res: IncomingMessage, finish: (failure?: string) => void, rec: StreamRecorder): void {
  const retry = retryAfterSeconds(headerValue(res.headers['retry-after']))
  if (retry !== undefined && (res.statusCode === 429 || res.statusCode === 503)) rec.retryAfterSeconds = retry
  const parts: Buffer[] = []
  let bytes = 0
  const fail = () => finish(statusReason(res.statusCode ?? 0, Buffer.concat(parts).toString('utf8'), rec.retryAfterSeconds))
  res.on('data', (b: Buffer) => {
    if (bytes < MAX_ERROR_BODY) parts.push(b)
    bytes += b.length
  })
  res.on('end', fail)
  res.on('error', fail)
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v
}

/** A 2xx response: SSE events timed by the read that completed them, until `[DONE]`, the end, or a fault. */
function readStream(res: IncomingMessage, rec: StreamRecorder, clock: () => number, finish: (failure?: string) => void, firstContent: () => void): void {
  const parser = new SseParser()
  const decoder = new TextDecoder('utf-8')
  let ended = false
  const handle = (events: ReturnType<SseParser['push']>, at: number): boolean => {
    for (const e of events) {
      if (isDoneEvent(e)) {
        ended = true
        res.resume()
        finish()
        return true
      }
      const c = readChunk(e)
      if (c.kind !== 'chunk') {
        ended = true
        finish(c.kind === 'error' ? `error event: ${c.message}` : 'malformed data line')
        return true
      }
      const before = rec.contentChunks
      rec.chunk(c, at)
      if (before === 0 && rec.contentChunks > 0) firstContent()
    }
    return false
  }
  res.on('data', (b: Buffer) => {
    if (ended) return
    const at = clock()
    handle(parser.push(decoder.decode(b, { stream: true })), at)
  })
  res.on('end', () => {
    if (ended) return
    ended = true
    if (handle(parser.end(), clock())) return
    // a server that ignored `stream: true` answers with one JSON body: say so rather than "no content"
    const type = String(res.headers['content-type'] ?? 'none')
    finish(rec.contentChunks === 0 && !type.includes('text/event-stream') ? `not an event stream (content-type ${type})` : undefined)
  })
  res.on('error', () => finish('connection dropped'))
  res.on('close', () => {
    if (!res.complete) finish('connection dropped')
  })
}

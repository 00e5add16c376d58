/**
 * `perfgate serve`'s HTTP server: an OpenAI-compatible API over one served model. Routes:
 * `GET /v1/models`, `POST /v1/chat/completions`, `POST /v1/completions`, and `GET /health`. Errors are
 * OpenAI error JSON with their status: 400 naming the field, 404 for an unknown model or route, 405,
 * 413, 429 with Retry-After when the queue is full, 503 while stopping. One request generates at a
 * time; `close()` stops accepting, refuses the waiting requests, ends the one in flight and resolves
 * when every connection is closed.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ApiError } from './api-error.js'
import { answerCompletion } from './completion-handler.js'
import { parseCompletionRequest, type CompletionApi } from './request-body.js'
import { RequestQueue } from './request-queue.js'
import type { ServedModel } from './served-model.js'
import { SERVE_DEFAULTS, type ServeOptions } from './serve-options.js'

export interface RunningServer {
  /** The API's base URL, e.g. `http://127.0.0.1:8000/v1`. */
  readonly url: string
  /** Stops: see the module comment. Idempotent. */
  close(): Promise<void>
}

/** Request bodies larger than this are refused (413). */
const MAX_BODY_BYTES = 1 << 20
const ROUTES: Readonly<Record<string, { method: string; api?: CompletionApi }>> = {
  '/v1/models': { method: 'GET' },
  '/health': { method: 'GET' },
  '/v1/chat/completions': { method: 'POST', api: 'chat' },
  '/v1/completions': { method: 'POST', api: 'completions' },
}
const HEADERS = { server: 'perfgate' }

function sendError(res: ServerResponse, err: ApiError): void {
  if (res.headersSent) return void res.end()
  const retry = err.retryAfterS !== undefined ? { 'retry-after': String(err.retryAfterS) } : {}
  res.writeHead(err.status, { ...HEADERS, ...retry, 'content-type': 'application/json' })
  res.end(JSON.stringify(err.body()))
}

function sendJson(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { ...HEADERS, 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw new ApiError(413, `the request body is larger than ${MAX_BODY_BYTES} bytes`, 'invalid_request_error')
    chunks.push(chunk)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch (err) {
    throw ApiError.badRequest(`the request body is not valid JSON: ${(err as Error).message}`, undefined)
  }
}

const stopping = () => new ApiError(503, 'the server is shutting down', 'server_error', null, 'server_shutdown', 1)

class CompletionServer {
  private readonly queue: RequestQueue
  private readonly inFlight = new Set<AbortController>()
  private closing = false
  readonly http = createServer((req, res) => void this.route(req, res).catch((err: unknown) => sendError(res, asApiError(err))))

  constructor(
    private readonly model: ServedModel,
    private readonly options: Required<ServeOptions>,
  ) {
    this.queue = new RequestQueue(options.queue)
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '')
    const route = Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined
    if (!route) throw new ApiError(404, `no route ${path}: this server answers ${Object.keys(ROUTES).join(', ')}`, 'invalid_request_error', null, 'not_found')
    if (req.method !== route.method) throw new ApiError(405, `${path} takes ${route.method}, not ${req.method}`, 'invalid_request_error')
    if (this.closing) throw stopping()
    if (path === '/health') return sendJson(res, { status: 'ok' })
    if (!route.api) return sendJson(res, { object: 'list', data: [{ id: this.model.name, object: 'model', created: 0, owned_by: 'perfgate' }] })
    await this.complete(route.api, req, res)
  }

  private async complete(api: CompletionApi, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = parseCompletionRequest(api, await readJsonBody(req))
    if (request.model !== this.model.name) {
      const message = `The model '${request.model}' does not exist: this server serves '${this.model.name}' (GET /v1/models)`
      throw new ApiError(404, message, 'invalid_request_error', 'model', 'model_not_found')
    }
    const ids = this.model.promptIds(request.prompt, request.maxTokens, api === 'chat' ? 'messages' : 'prompt')
    if (this.queue.full) {
      const message = `the server is busy: one request is generating and ${this.queue.length} are waiting (--queue ${this.queue.capacity}); retry later`
      throw new ApiError(429, message, 'rate_limit_exceeded', null, 'rate_limit_exceeded', 1)
    }
    const abort = new AbortController()
    this.inFlight.add(abort)
    res.on('close', () => abort.abort(new ApiError(499, 'the client closed the connection', 'client_closed')))
    try {
      const done = await this.queue.turn(abort.signal)
      try {
        await answerCompletion(res, request, ids, { model: this.model, delayPerTokenMs: this.options.delayPerTokenMs, signal: abort.signal, headers: HEADERS })
      } finally {
        done()
      }
    } finally {
      this.inFlight.delete(abort)
    }
  }

  async close(): Promise<void> {
    if (this.closing) return
    this.closing = true
    const closed = new Promise<void>((resolve) => this.http.close(() => resolve()))
    this.queue.failWaiting(stopping())
    for (const abort of this.inFlight) abort.abort(stopping())
    this.http.closeIdleConnections()
    // the in-flight streams end within a token; then nothing is left to wait for
    while (this.inFlight.size > 0) await new Promise((r) => setTimeout(r, 5))
    this.http.closeAllConnections()
    await closed
  }
}

function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(500, `internal error: ${err instanceof Error ? err.message : String(err)}`, 'server_error')
}

/** Starts serving `model`; resolves once listening. A PerfgateError-free rejection (the port taken) carries Node's error. */
export async function startServer(model: ServedModel, options: ServeOptions = {}): Promise<RunningServer> {
  const o = {
    host: options.host ?? SERVE_DEFAULTS.host,
    port: options.port ?? SERVE_DEFAULTS.port,
    queue: options.queue ?? SERVE_DEFAULTS.queue,
    delayPerTokenMs: options.delayPerTokenMs ?? SERVE_DEFAULTS.delayPerTokenMs,
  }
  const server = new CompletionServer(model, o)
  await new Promise<void>((resolve, reject) => {
    server.http.once('error', reject)
    server.http.listen(o.port, o.host, () => {
      server.http.off('error', reject)
      resolve()
    })
  })
  const { port } = server.http.address() as AddressInfo
  const host = o.host.includes(':') ? `[${o.host}]` : o.host
  return { url: `http://${host}:${port}/v1`, close: () => server.close() }
}

/**
 * A scripted OpenAI-compatible streaming server for tests: a real HTTP server
 * on 127.0.0.1 (port 0) that streams `tokens` content chunks, the first
 * `firstTokenMs` after the request arrived and then one every `perTokenMs`,
 * on deadlines from the arrival (no drift). It logs, per request, when it
 * actually wrote each content chunk on the same clock as the client
 * (performance.now in one process): the ground truth a measurement is checked
 * against. Faults are scripted too.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Fault =
  | 'http-500'
  | 'http-429'
  | 'drop-mid-stream'
  | 'error-event'
  | 'malformed-json'
  | 'stall-before-first'
  | 'stall-after-first'
  | 'no-done'
  | 'http-401-echo'
  | 'json-body'

export interface Script {
  firstTokenMs: number
  perTokenMs: number
  tokens: number
  /** Send the usage chunk (`completion_tokens: tokens`) before `[DONE]`. @default true */
  usage?: boolean
  /** Write each event in pieces, a few ms apart (events split across reads). @default false */
  splitEvents?: boolean
  /** Write this many content events in one write (several events per read), at the last one's deadline. @default 1 */
  eventsPerWrite?: number
  /** Send a role-only chunk right away (chat). @default true */
  roleChunk?: boolean
  /** The first content chunk carries reasoning only (`delta.reasoning_content`). @default false */
  reasoningFirst?: boolean
  /** Send a `: keep-alive` comment between chunks. @default true */
  comments?: boolean
  fault?: Fault
  /** Sent as the Server header. @default 'scripted/1.0' */
  serverHeader?: string
  /** The Retry-After header of a 429. @default '3' */
  retryAfter?: string
}

export interface ServedRequest {
  /** The request body as received. */
  body: Record<string, unknown>
  headers: IncomingMessage['headers']
  /** When the server had the whole request, performance.now(). */
  arrivedAt: number
  /** When each content chunk was written (the write that completed its event), performance.now(). */
  contentWrites: number[]
}

export interface ScriptedServer {
  url: string
  requests: ServedRequest[]
  close(): Promise<void>
}

const sleepUntil = (t: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, t - performance.now())))

function chunk(api: string, delta: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  const choice = api === 'chat' ? { index: 0, delta, finish_reason: null } : { index: 0, text: delta.content ?? '', finish_reason: null }
  return `data: ${JSON.stringify({ id: 'x', object: 'chunk', model: 'scripted-model', system_fingerprint: 'fp_test', choices: [choice], ...extra })}\n\n`
}

async function writeEvents(res: ServerResponse, text: string, split: boolean): Promise<void> {
  if (!split) {
    res.write(text)
    return
  }
  // three pieces, the last completing the event: the client must join them
  const a = Math.floor(text.length / 3)
  const b = Math.floor((2 * text.length) / 3)
  res.write(text.slice(0, a))
  await new Promise((r) => setTimeout(r, 1))
  res.write(text.slice(a, b))
  await new Promise((r) => setTimeout(r, 1))
  res.write(text.slice(b))
}

async function stream(req: ServedRequest, res: ServerResponse, s: Script): Promise<void> {
  const api = 'messages' in req.body ? 'chat' : 'completions'
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', server: s.serverHeader ?? 'scripted/1.0' })
  if (api === 'chat' && (s.roleChunk ?? true)) res.write(chunk(api, { role: 'assistant', content: '' }))
  const per = s.eventsPerWrite ?? 1
  let pending = ''
  for (let i = 0; i < s.tokens; i++) {
    const deadline = req.arrivedAt + s.firstTokenMs + i * s.perTokenMs
    if (s.fault === 'stall-before-first' && i === 0) return // never sends, never closes
    if (s.fault === 'stall-after-first' && i === 1) return
    if (s.fault === 'drop-mid-stream' && i === Math.floor(s.tokens / 2)) {
      await sleepUntil(deadline) // the chunks written so far reach the client first
      return void res.socket?.destroy()
    }
    if (s.fault === 'error-event' && i === 2) return void res.end(`data: ${JSON.stringify({ error: { message: 'model overloaded', code: 500 } })}\n\n`)
    if (s.fault === 'malformed-json' && i === 2) return void res.end('data: {"choices": [\n\n')
    const delta = i === 0 && s.reasoningFirst ? { reasoning_content: 'think' } : { content: ` t${i}` }
    pending += chunk(api, delta) + ((s.comments ?? true) ? ': keep-alive\n\n' : '')
    if ((i + 1) % per !== 0 && i !== s.tokens - 1) continue
    await sleepUntil(deadline)
    await writeEvents(res, pending, s.splitEvents ?? false)
    const at = performance.now()
    for (let k = 0; k < per && req.contentWrites.length < i + 1; k++) req.contentWrites.push(at)
    pending = ''
  }
  if (api === 'chat') res.write(chunk(api, {}, { choices: [{ index: 0, delta: {}, finish_reason: 'length' }] }))
  if (s.usage ?? true)
    res.write(
      `data: ${JSON.stringify({ id: 'x', model: 'scripted-model', choices: [], usage: { prompt_tokens: 5, completion_tokens: s.tokens, total_tokens: 5 + s.tokens } })}\n\n`,
    )
  res.end(s.fault === 'no-done' ? '' : 'data: [DONE]\n\n')
}

function refuse(res: ServerResponse, s: Script, headers: IncomingMessage['headers']): void {
  if (s.fault === 'http-401-echo') {
    // as some servers do: the key sent, echoed in the message
    res.writeHead(401, { 'content-type': 'application/json' })
    return void res.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${String(headers.authorization).replace('Bearer ', '')}` } }))
  }
  if (s.fault === 'http-429') {
    res.writeHead(429, { 'content-type': 'application/json', 'retry-after': s.retryAfter ?? '3' })
    res.end(JSON.stringify({ error: { message: 'Too many requests', type: 'rate_limit' } }))
  } else {
    res.writeHead(500, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ error: { message: 'internal failure in scripted server', type: 'server_error' } }))
  }
}

/** Starts a server; `script` may depend on the request body (e.g. on the prompt). */
export async function startScriptedServer(script: Script | ((body: Record<string, unknown>) => Script)): Promise<ScriptedServer> {
  const requests: ServedRequest[] = []
  const sockets = new Set<import('node:net').Socket>()
  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = []
    req.on('data', (b: Buffer) => parts.push(b))
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(parts).toString('utf8') || '{}') as Record<string, unknown>
      const served: ServedRequest = { body, headers: req.headers, arrivedAt: performance.now(), contentWrites: [] }
      requests.push(served)
      const s = typeof script === 'function' ? script(body) : script
      if (s.fault === 'http-500' || s.fault === 'http-429' || s.fault === 'http-401-echo') return refuse(res, s, req.headers)
      if (s.fault === 'json-body') {
        // a server that ignores stream: true
        res.writeHead(200, { 'content-type': 'application/json' })
        return void res.end(JSON.stringify({ id: 'x', choices: [{ index: 0, message: { role: 'assistant', content: 'hi' } }] }))
      }
      void stream(served, res, s)
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy()
        server.close(() => r())
      }),
  }
}

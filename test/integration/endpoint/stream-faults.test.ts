/**
 * A slow, dropping or lying server gives a failed request with its reason, never a hang or a crash; the
 * role-only and reasoning-only first chunks are judged as the definitions say.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { streamRequest } from '../../../src/measure/endpoint/stream-request.js'
import type { EndpointRequest } from '../../../src/types/endpoint.js'
import { startScriptedServer, type Script, type ScriptedServer } from '../../helpers/scripted-server.js'

const FAST: Script = { firstTokenMs: 5, perTokenMs: 2, tokens: 8 }
let server: ScriptedServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function run(script: Script, extra: Partial<EndpointRequest> = {}) {
  server = await startScriptedServer(script)
  const timeouts = { connectMs: 5_000, firstTokenMs: 10_000, totalMs: 20_000, ...extra.timeouts }
  return streamRequest({ url: server.url, api: 'chat', model: 'm', prompt: 'hi', maxNewTokens: 8, ignoreEos: false, ...extra, timeouts })
}

describe('faults end the request as failed, with the reason', () => {
  it('500: the status and the server message', async () => {
    const r = await run({ ...FAST, fault: 'http-500' })
    expect(r).toMatchObject({ status: 'failed', httpStatus: 500, reason: 'http 500: internal failure in scripted server', ttftMs: null })
  })

  it('429: rate limited, with Retry-After', async () => {
    const r = await run({ ...FAST, fault: 'http-429', retryAfter: '3' })
    expect(r).toMatchObject({ status: 'failed', httpStatus: 429, retryAfterSeconds: 3, reason: 'rate limited (Retry-After 3 s): Too many requests' })
  })

  it('a connection dropped mid-stream', async () => {
    const r = await run({ ...FAST, fault: 'drop-mid-stream' })
    expect(r).toMatchObject({ status: 'failed', reason: 'connection dropped' })
    // what came before the drop is kept
    expect(r.contentChunks).toBeGreaterThan(0)
    expect(r.contentChunks).toBeLessThan(8)
  })

  it('an error event: the server message', async () => {
    const r = await run({ ...FAST, fault: 'error-event' })
    expect(r).toMatchObject({ status: 'failed', reason: 'error event: model overloaded', contentChunks: 2 })
  })

  it('malformed JSON in a data line', async () => {
    const r = await run({ ...FAST, fault: 'malformed-json' })
    expect(r).toMatchObject({ status: 'failed', reason: 'malformed data line', contentChunks: 2 })
  })

  it('a server that ignores stream: true and answers with one JSON body', async () => {
    const r = await run({ ...FAST, fault: 'json-body' })
    expect(r).toMatchObject({ status: 'failed', reason: 'not an event stream (content-type application/json)', httpStatus: 200 })
  })

  it('a server that never sends the first token: first-token timeout', async () => {
    const r = await run({ ...FAST, fault: 'stall-before-first' }, { timeouts: { connectMs: 5_000, firstTokenMs: 150, totalMs: 20_000 } })
    expect(r).toMatchObject({ status: 'failed', reason: 'first-token timeout', ttftMs: null })
  })

  it('a server that stops after the first token: total timeout', async () => {
    const r = await run({ ...FAST, fault: 'stall-after-first' }, { timeouts: { connectMs: 5_000, firstTokenMs: 10_000, totalMs: 300 } })
    expect(r).toMatchObject({ status: 'failed', reason: 'total timeout', contentChunks: 1 })
  })

  it('nobody listening: connection failed', async () => {
    server = await startScriptedServer(FAST)
    const url = server.url
    await server.close()
    server = undefined
    const r = await streamRequest({
      url,
      api: 'chat',
      model: 'm',
      prompt: 'hi',
      maxNewTokens: 8,
      ignoreEos: false,
      timeouts: { connectMs: 5_000, firstTokenMs: 5_000, totalMs: 5_000 },
    })
    expect(r).toMatchObject({ status: 'failed', reason: 'connection failed: ECONNREFUSED' })
  })

  it('cancellation through the signal', async () => {
    const ac = new AbortController()
    setTimeout(() => ac.abort(), 50)
    const r = await run({ ...FAST, fault: 'stall-before-first' }, { signal: ac.signal })
    expect(r).toMatchObject({ status: 'failed', reason: 'cancelled' })
  })
})

describe('what counts as the first token', () => {
  it('a role-only first chunk does not count: TTFT is at the first content', async () => {
    const r = await run({ ...FAST, firstTokenMs: 100, roleChunk: true })
    expect(r.status).toBe('ok')
    // the role chunk comes at once, the content after 100 ms; half of that, since Node's timers start from the
    // event loop's cached clock and may fire a fraction of a millisecond early (99.9 ms was measured once)
    expect(r.ttftMs).toBeGreaterThanOrEqual(50)
    expect(r.contentChunks).toBe(8)
  })

  it('a reasoning-only first chunk counts, and its text is kept', async () => {
    const r = await run({ ...FAST, reasoningFirst: true })
    expect(r).toMatchObject({ status: 'ok', contentChunks: 8 })
    expect(r.text.startsWith('think t1')).toBe(true)
  })

  it('a stream that ends without [DONE] after content is complete', async () => {
    const r = await run({ ...FAST, fault: 'no-done' })
    expect(r).toMatchObject({ status: 'ok', contentChunks: 8, outputTokens: 8, tokenSource: 'usage' })
  })

  it('without usage, a tokenizer counts the joined text', async () => {
    const r = await run({ ...FAST, usage: false }, { countTokens: (t) => t.split(' ').filter(Boolean).length * 2 })
    expect(r).toMatchObject({ status: 'ok', outputTokens: 16, tokenSource: 'tokenizer' })
  })
})

describe('the request as sent', () => {
  it('streams with usage, temperature 0, both output limits, ignore_eos when asked, and the API key as a bearer token', async () => {
    await run(FAST, { ignoreEos: true, apiKey: 'sk-test-123456', headers: { 'X-Team': 'perf' } })
    const sent = server!.requests[0]!
    expect(sent.body).toEqual({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0,
      max_completion_tokens: 8,
      max_tokens: 8,
      ignore_eos: true,
    })
    expect(sent.headers.authorization).toBe('Bearer sk-test-123456')
    expect(sent.headers['x-team']).toBe('perf')
  })
})

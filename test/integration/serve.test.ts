/**
 * `perfgate serve`'s server on the embedded decoder (bench/models/tiny-gpt), with real onnxruntime
 * inference, asked over real HTTP by Node's fetch: the OpenAI stream and whole responses of both
 * routes, the error statuses and fields, one request at a time with a bounded queue, a client that
 * goes away, and a clean stop with a request in flight. No timing is asserted except effects tens of
 * times beyond noise (a generation that would take 40 s ends within 20).
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MODELS_DIR } from '../../bench/models/generate.js'
import { startServer, type RunningServer } from '../../src/serve/completion-server.js'
import { loadServedModel, type ServedModel } from '../../src/serve/served-model.js'

const TINY_GPT = join(MODELS_DIR, 'tiny-gpt')
type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

async function post(url: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal })
}

/** The `data:` payloads of an SSE body, in order, parsed (`[DONE]` kept as the string). */
function events(body: string): (Json | '[DONE]')[] {
  expect(body.endsWith('\n\n')).toBe(true)
  return body
    .split('\n\n')
    .filter((e) => e !== '')
    .map((e) => {
      expect(e.startsWith('data: ')).toBe(true)
      const data = e.slice('data: '.length)
      return data === '[DONE]' ? data : (JSON.parse(data) as Json)
    })
}

let model: ServedModel
let server: RunningServer
beforeAll(async () => {
  model = await loadServedModel(TINY_GPT)
  server = await startServer(model, { port: 0 })
})
afterAll(async () => {
  await server?.close()
  await model?.close()
})

describe('perfgate serve, OpenAI-compatible', () => {
  it('listens on localhost and lists its model, named after the folder', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
    const res = await fetch(`${server.url}/models`)
    expect(res.status).toBe(200)
    expect(res.headers.get('server')).toBe('perfgate')
    expect(await res.json()).toEqual({ object: 'list', data: [{ id: 'tiny-gpt', object: 'model', created: 0, owned_by: 'perfgate' }] })
  })

  it('streams a chat completion: a role-only first chunk, one chunk per token, the finish reason, the usage chunk, [DONE]', async () => {
    const res = await post(`${server.url}/chat/completions`, {
      model: 'tiny-gpt',
      messages: [{ role: 'user', content: 'Hello' }],
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 8,
      ignore_eos: true,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const all = events(await res.text())
    expect(all.at(-1)).toBe('[DONE]')
    const chunks = all.slice(0, -1) as Json[]
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1)
    expect(chunks[0]!.id).toMatch(/^chatcmpl-/)
    for (const c of chunks) {
      expect(c).toMatchObject({ object: 'chat.completion.chunk', model: 'tiny-gpt', system_fingerprint: model.fingerprint })
    }
    expect(model.fingerprint).toMatch(/^perfgate-[0-9a-f]{12}$/)
    expect(chunks[0]!.choices).toEqual([{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }])
    const content = chunks.slice(1, -2)
    expect(content).toHaveLength(8)
    for (const c of content) expect(c.choices[0].delta.content).not.toBe('')
    expect(chunks.at(-2)!.choices).toEqual([{ index: 0, delta: {}, logprobs: null, finish_reason: 'length' }])
    const promptTokens = model.promptIds('user: Hello\nassistant:', 8, 'messages').ids.length
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: promptTokens, completion_tokens: 8, total_tokens: promptTokens + 8 } })
  })

  it('answers the same greedy text whole as streamed, and streams completions without usage unless asked', async () => {
    const body = { model: 'tiny-gpt', prompt: 'The quick brown fox', max_tokens: 6 }
    const whole = (await (await post(`${server.url}/completions`, body)).json()) as Json
    expect(whole).toMatchObject({ object: 'text_completion', model: 'tiny-gpt', choices: [{ index: 0, finish_reason: 'length' }] })
    expect(whole.id).toMatch(/^cmpl-/)
    expect(whole.usage.completion_tokens).toBe(6)
    const streamed = events(await (await post(`${server.url}/completions`, { ...body, stream: true })).text())
    const chunks = streamed.slice(0, -1) as Json[]
    expect(chunks.every((c) => c.object === 'text_completion' && c.usage === undefined)).toBe(true)
    expect(chunks.map((c) => c.choices[0].text).join('')).toBe(whole.choices[0].text)
    expect(chunks.at(-1)!.choices[0]).toEqual({ index: 0, text: '', logprobs: null, finish_reason: 'length' })
  })

  it('answers bad requests with OpenAI error JSON and the right status', async () => {
    const cases: [Promise<Response>, number, Json][] = [
      [post(`${server.url}/completions`, { model: 'gpt-4', prompt: 'Hi' }), 404, { param: 'model', code: 'model_not_found' }],
      [post(`${server.url}/completions`, { model: 'tiny-gpt', prompt: 'Hi', max_tokens: 'x' }), 400, { param: 'max_tokens', type: 'invalid_request_error' }],
      [post(`${server.url}/chat/completions`, { model: 'tiny-gpt' }), 400, { param: 'messages' }],
      [post(`${server.url}/completions`, { model: 'tiny-gpt', prompt: 'Hi', max_tokens: 300 }), 400, { param: 'max_tokens' }],
      [post(`${server.url}/completions`, { model: 'tiny-gpt', prompt: '' }), 400, { param: 'prompt' }],
      [fetch(`${server.url}/completions`, { method: 'POST', body: '{"model": ' }), 400, { param: null }],
      [fetch(`${server.url}/completions`), 405, {}],
      [fetch(`${server.url}/embeddings`), 404, { code: 'not_found' }],
    ]
    for (const [response, status, error] of cases) {
      const res = await response
      expect(res.status).toBe(status)
      const body = (await res.json()) as Json
      expect(body.error).toMatchObject(error)
      expect(typeof body.error.message).toBe('string')
    }
    const tooLong = (await (await post(`${server.url}/completions`, { model: 'tiny-gpt', prompt: 'Hi', max_tokens: 300 })).json()) as Json
    expect(tooLong.error.message).toBe(
      "This model's maximum context length is 256 tokens; the prompt has 2 tokens and max_tokens asks for 300 more. Shorten the prompt or lower max_tokens.",
    )
  })
})

describe('perfgate serve, one request at a time', () => {
  /** A request slow enough to still be generating while the test acts: `tokens` x `delay` ms. */
  const slow = (tokens: number) => ({ model: 'tiny-gpt', prompt: 'Hi', max_tokens: tokens, ignore_eos: true, stream: true })

  /** Reads an SSE response until its first content chunk has arrived. */
  async function firstChunk(res: Response): Promise<ReadableStreamDefaultReader<Uint8Array>> {
    const reader = res.body!.getReader()
    const { value } = await reader.read()
    expect(new TextDecoder().decode(value)).toContain('data: ')
    return reader
  }

  /**
   * With one request generating, two more sent together to a queue of one: one waits, the other is
   * refused with 429. Returns the waiting one's response and the refusal, whichever order they arrived in.
   */
  async function fillQueue(url: string): Promise<{ waiting: Promise<Response>; refused: Response }> {
    const sent = [post(`${url}/completions`, { ...slow(2), stream: false }), post(`${url}/completions`, { ...slow(2), stream: false })]
    const first = await Promise.race(sent.map((p, i) => p.then((res) => ({ res, i }))))
    expect(first.res.status).toBe(429)
    return { waiting: sent[1 - first.i]!, refused: first.res }
  }

  it('queues up to --queue requests, answers 429 with Retry-After beyond, and serves the queued one after', async () => {
    const busy = await startServer(model, { port: 0, queue: 1, delayPerTokenMs: 20 })
    try {
      const reader = await firstChunk(await post(`${busy.url}/completions`, slow(100)))
      const { waiting, refused } = await fillQueue(busy.url)
      expect(refused.headers.get('retry-after')).toBe('1')
      expect(((await refused.json()) as Json).error).toMatchObject({ type: 'rate_limit_exceeded', code: 'rate_limit_exceeded' })
      const rest = []
      for (let r = await reader.read(); !r.done; r = await reader.read()) rest.push(r.value)
      expect(Buffer.concat(rest).toString()).toContain('data: [DONE]')
      const second = (await (await waiting).json()) as Json
      expect(second.usage.completion_tokens).toBe(2)
    } finally {
      await busy.close()
    }
  })

  it('stops generating for a client that went away, so the next request is served at once', async () => {
    // 200 tokens x 200 ms: 40 s if the generation went on
    const busy = await startServer(model, { port: 0, queue: 1, delayPerTokenMs: 200 })
    try {
      const started = performance.now()
      const gone = new AbortController()
      const reader = await firstChunk(await post(`${busy.url}/chat/completions`, { ...slow(200), messages: [{ role: 'user', content: 'Hi' }] }, gone.signal))
      gone.abort()
      await reader.cancel().catch(() => undefined)
      const next = (await (await post(`${busy.url}/completions`, { ...slow(1), stream: false })).json()) as Json
      expect(next.usage.completion_tokens).toBe(1)
      expect(performance.now() - started).toBeLessThan(20_000)
    } finally {
      await busy.close()
    }
  })

  it('stops cleanly: the stream in flight ends with an error event and [DONE], the waiting request gets 503, new ones are refused', async () => {
    const busy = await startServer(model, { port: 0, queue: 1, delayPerTokenMs: 200 })
    const reader = await firstChunk(await post(`${busy.url}/completions`, slow(200)))
    const { waiting } = await fillQueue(busy.url)
    const started = performance.now()
    await busy.close()
    expect(performance.now() - started).toBeLessThan(20_000)
    const rest: Uint8Array[] = []
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest.push(r.value)
    const tail = events(Buffer.concat(rest).toString())
    expect(tail.at(-1)).toBe('[DONE]')
    expect(tail.at(-2)).toEqual({ error: { message: 'the server is shutting down', type: 'server_error', param: null, code: 'server_shutdown' } })
    const refused = await waiting
    expect(refused.status).toBe(503)
    expect(((await refused.json()) as Json).error.code).toBe('server_shutdown')
    await expect(fetch(`${busy.url}/models`)).rejects.toThrow()
    await busy.close() // a second close does nothing
  })
})

/** The pure parts of endpoint profiling: URLs and keys, the request, one request's record, its figures, the gate's server check. */
import { describe, expect, it } from 'vitest'
import { decideGate } from '../../../src/compare/gate.js'
import { endpointBaseUrl, endpointIdentity, endpointModelIdentity, resolveApiKey, shownUrl } from '../../../src/measure/endpoint/endpoint-identity.js'
import { redact, requestBody, requestUrl, retryAfterSeconds } from '../../../src/measure/endpoint/request-body.js'
import { StreamRecorder } from '../../../src/measure/endpoint/stream-record.js'
import { streamedRequestFigures } from '../../../src/metrics/token-timings.js'
import { PerfgateError } from '../../../src/errors.js'
import { TESTBED } from '../entry-factory.js'
import type { BaselineEntry, EndpointIdentity } from '../../../src/types/index.js'

const code = (f: () => unknown) => {
  try {
    f()
  } catch (err) {
    return err instanceof PerfgateError ? err.code : String(err)
  }
  return 'no error'
}

describe('endpoint URLs and keys', () => {
  it('takes an http(s) base URL, dropping trailing slashes', () => {
    expect(endpointBaseUrl('http://127.0.0.1:8000/v1/')).toBe('http://127.0.0.1:8000/v1')
    expect(endpointBaseUrl('https://api.example.com/v1')).toBe('https://api.example.com/v1')
    expect(requestUrl('http://h/v1/', 'chat')).toBe('http://h/v1/chat/completions')
    expect(requestUrl('http://h/v1', 'completions')).toBe('http://h/v1/completions')
  })

  it('refuses credentials, a query, another protocol, and what is not a URL; messages never show the credentials', () => {
    expect(code(() => endpointBaseUrl('http://me:pw@h/v1'))).toBe('ENDPOINT_URL_CREDENTIALS')
    expect(() => endpointBaseUrl('http://me:pw1234@h/v1')).toThrow(/^Refusing the endpoint URL http:\/\/h\/v1: /)
    expect(code(() => endpointBaseUrl('http://h/v1?key=abc'))).toBe('ENDPOINT_URL_INVALID')
    expect(code(() => endpointBaseUrl('ftp://h/v1'))).toBe('ENDPOINT_URL_INVALID')
    expect(code(() => endpointBaseUrl('http://'))).toBe('ENDPOINT_URL_INVALID')
    expect(shownUrl('https://u:p@h:1/v1?k=s#f')).toBe('https://h:1/v1')
  })

  it('reads the key from the named variable (which must be set), else OPENAI_API_KEY, else none', () => {
    expect(resolveApiKey(undefined, { OPENAI_API_KEY: 'k1' })).toBe('k1')
    expect(resolveApiKey(undefined, {})).toBeUndefined()
    expect(resolveApiKey('MINE', { MINE: 'k2', OPENAI_API_KEY: 'k1' })).toBe('k2')
    expect(code(() => resolveApiKey('MINE', { OPENAI_API_KEY: 'k1' }))).toBe('ENDPOINT_API_KEY_MISSING')
  })

  it('redacts the key and header values from a text', () => {
    expect(redact('bad key sk-123456 for team-abcd', { apiKey: 'sk-123456', headers: { 'x-t': 'team-abcd' } })).toBe('bad key [redacted] for [redacted]')
  })

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterSeconds('3')).toBe(3)
    expect(retryAfterSeconds(new Date(10_000).toUTCString(), 4_000)).toBe(6)
    expect(retryAfterSeconds('soon')).toBeUndefined()
    expect(retryAfterSeconds(undefined)).toBeUndefined()
  })

  it('the completions body has max_tokens and the prompt, and no ignore_eos unless asked', () => {
    expect(requestBody({ api: 'completions', model: 'm', prompt: 'p', maxNewTokens: 4, ignoreEos: false })).toEqual({
      model: 'm',
      prompt: 'p',
      max_tokens: 4,
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0,
    })
  })
})

describe('one request, recorded', () => {
  const chunk = (text: string, extra = {}) => ({ kind: 'chunk' as const, text, carriesContent: text !== '', ...extra })

  it('TTFT at the first content chunk, E2E at the last; usage and chunks without content move neither', () => {
    const r = new StreamRecorder(100)
    r.chunk(chunk(''), 101) // role-only
    r.chunk(chunk('a'), 180)
    r.chunk(chunk('b'), 195)
    r.chunk(chunk('c'), 210)
    r.chunk(chunk('', { completionTokens: 3, promptTokens: 7 }), 400) // usage, late
    expect(r.finish(undefined)).toMatchObject({
      status: 'ok',
      ttftMs: 80,
      e2eMs: 110,
      itlMs: [15, 15],
      contentChunks: 3,
      outputTokens: 3,
      tokenSource: 'usage',
      promptTokens: 7,
      text: 'abc',
    })
  })

  it('without usage: the tokenizer when given, else the chunks as an estimate; without content: failed', () => {
    const r = new StreamRecorder(0)
    r.chunk(chunk('ab'), 10)
    expect(r.finish(undefined, (t) => t.length * 10)).toMatchObject({ outputTokens: 20, tokenSource: 'tokenizer' })
    expect(r.finish(undefined)).toMatchObject({ outputTokens: 1, tokenSource: 'chunks-estimate' })
    const zero = new StreamRecorder(0)
    zero.chunk(chunk('ab'), 10)
    zero.chunk(chunk('', { completionTokens: 0 }), 11)
    expect(zero.finish(undefined)).toMatchObject({ outputTokens: 1, tokenSource: 'chunks-estimate' })
    expect(new StreamRecorder(0).finish(undefined)).toMatchObject({ status: 'failed', reason: 'no content', ttftMs: null, e2eMs: null })
  })

  it('TPOT = (E2E - TTFT) / (output tokens - 1), with the output tokens counted, not the chunks', () => {
    const f = streamedRequestFigures({ prompt: 0, run: 0, inputTokens: 10, outputTokens: 16, ttftMs: 80, e2eMs: 305, itlMs: [225] })
    expect(f.tpotMs).toBe(15)
    expect(f.tokensPerSecond).toBeCloseTo((16 * 1000) / 305, 9)
    expect(f.prefillTokensPerSecond).toBe(125)
    expect(streamedRequestFigures({ prompt: 0, run: 0, inputTokens: 1, outputTokens: 1, ttftMs: 5, e2eMs: 5, itlMs: [] }).tpotMs).toBeNull()
  })
})

describe('the gate never compares two servers', () => {
  const id: EndpointIdentity = endpointIdentity('http://h/v1', 'chat', 'm', { model: 'm', systemFingerprint: 'fp1', serverHeader: 'vllm' })
  const entry = (endpoint?: EndpointIdentity): BaselineEntry => ({
    test: 't',
    kind: 'generation',
    metrics: { 'ttft.p95': 100 },
    samples: {},
    testbed: { ...TESTBED, ...(endpoint ? { endpoint } : {}) },
  })
  const opts = { metrics: ['ttft.p95' as const] }

  it('the same server is compared; another fingerprint, server, model or URL is endpoint-changed and fails', () => {
    expect(decideGate(entry(id), entry({ ...id }), 'none', opts).status).toBe('pass')
    for (const other of [
      { ...id, systemFingerprint: 'fp2' },
      { ...id, server: 'tgi' },
      { ...id, model: 'n' },
      { ...id, url: 'http://g/v1' },
    ]) {
      expect(decideGate(entry(id), entry(other), 'none', opts)).toEqual({ status: 'endpoint-changed', pass: false })
    }
    expect(decideGate(entry(), entry(id), 'none', opts).status).toBe('endpoint-changed')
    // re-recording is how a server change is accepted
    expect(decideGate(entry(id), entry({ ...id, server: 'tgi' }), 'all', opts).status).toBe('updated')
  })

  it('the model identity of an endpoint result hashes the whole server identity', () => {
    expect(endpointModelIdentity(id)).toMatchObject({ path: 'http://h/v1 (m)', bytes: 0 })
    expect(endpointModelIdentity(id).sha256).not.toBe(endpointModelIdentity({ ...id, systemFingerprint: 'fp2' }).sha256)
    expect(endpointModelIdentity(id).sha256).toBe(endpointModelIdentity({ server: 'vllm', ...id }).sha256)
  })
})

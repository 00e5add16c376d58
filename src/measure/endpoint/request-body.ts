/**
 * The HTTP request of one streamed generation, pure: route, body and headers.
 *
 * Body: `stream: true`, `stream_options: { include_usage: true }`, `temperature: 0`, and the output
 * limit: `max_tokens` for `/completions`; for `/chat/completions` both `max_completion_tokens` (the
 * current OpenAI name) and `max_tokens` (the name llama.cpp, TGI and older vLLM read), with the same
 * value, so every server caps the output. `ignore_eos: true` only when asked (a vLLM / llama.cpp
 * extension; other servers ignore or reject unknown fields).
 */
import type { EndpointApi, EndpointRequest } from '../../types/endpoint.js'

/** The route of an API under the base URL. */
export function routeOf(api: EndpointApi): string {
  return api === 'chat' ? '/chat/completions' : '/completions'
}

/** The full URL of a request: the base URL (trailing slashes dropped) and the route. */
export function requestUrl(base: string, api: EndpointApi): string {
  return base.replace(/\/+$/, '') + routeOf(api)
}

export function requestBody(r: Pick<EndpointRequest, 'api' | 'model' | 'prompt' | 'maxNewTokens' | 'ignoreEos'>): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model: r.model,
    stream: true,
    stream_options: { include_usage: true },
    temperature: 0,
  }
  if (r.api === 'chat') {
    body.messages = [{ role: 'user', content: r.prompt }]
    body.max_completion_tokens = r.maxNewTokens
    body.max_tokens = r.maxNewTokens
  } else {
    body.prompt = r.prompt
    body.max_tokens = r.maxNewTokens
  }
  if (r.ignoreEos) body.ignore_eos = true
  return body
}

/** Request headers: JSON in, an event stream out, the API key as a bearer token, then the user's headers (which win). */
export function requestHeaders(r: Pick<EndpointRequest, 'apiKey' | 'headers'>, bodyBytes: number): Record<string, string> {
  const h: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'text/event-stream',
    'content-length': String(bodyBytes),
  }
  if (r.apiKey) h.authorization = `Bearer ${r.apiKey}`
  for (const [k, v] of Object.entries(r.headers ?? {})) h[k.toLowerCase()] = v
  return h
}

/** Replaces every secret (API key, header values) in a text from the server or the network with `[redacted]`. */
export function redact(text: string, r: Pick<EndpointRequest, 'apiKey' | 'headers'>): string {
  const secrets = [r.apiKey, ...Object.values(r.headers ?? {})].filter((s): s is string => typeof s === 'string' && s.length >= 4)
  let out = text
  for (const s of secrets) out = out.split(s).join('[redacted]')
  return out
}

/** Seconds of a `Retry-After` header: delta-seconds, or an HTTP date from now; undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | undefined, nowMs: number = Date.now()): number | undefined {
  if (header === undefined) return undefined
  const trimmed = header.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - nowMs) / 1000))
}

/**
 * The vocabulary of profiling an OpenAI-compatible streaming server: one
 * request as sent, one request as measured, and the server's identity. Times
 * are in ms on one clock (performance.now by default, injectable), measured
 * from the moment the request was scheduled.
 */
import type { EndpointIdentity } from './baseline.generated.js'

/** The identity of a server (in the testbed): results of two servers are never compared. */
export type { EndpointIdentity }

/** Which OpenAI route: `/chat/completions` (messages) or `/completions` (a prompt). */
export type EndpointApi = 'chat' | 'completions'

/** Per-request time limits, ms. A request past one fails with its reason; nothing hangs. */
export interface EndpointTimeouts {
  /** From the request sent to the TCP (and TLS) connection made. */
  connectMs: number
  /** From the request scheduled to the first chunk carrying content. */
  firstTokenMs: number
  /** From the request scheduled to the end of the stream. */
  totalMs: number
}

/** One streamed request, as the client sends it. */
export interface EndpointRequest {
  /** The server's base URL, e.g. `http://127.0.0.1:8000/v1` (no credentials; `/chat/completions` or `/completions` is appended). */
  url: string
  api: EndpointApi
  /** The `model` field of the request body. */
  model: string
  prompt: string
  /** `max_tokens` (completions), or `max_completion_tokens` and `max_tokens` (chat). */
  maxNewTokens: number
  /** Ask the server to keep generating past end-of-sequence (`ignore_eos: true`, a vLLM / llama.cpp extension). */
  ignoreEos: boolean
  /** Extra request headers (sent, never recorded). */
  headers?: Readonly<Record<string, string>>
  /** Sent as `Authorization: Bearer <key>`; never recorded in a result, a reason or an error. */
  apiKey?: string
  timeouts: EndpointTimeouts
  /** Cancels the request; it then ends as failed with reason `cancelled`. */
  signal?: AbortSignal
  /**
   * When the request was scheduled, on `clock`: a load generator passes the planned time, so that
   * waiting for a free slot counts in TTFT and E2E. @default clock() when the request starts
   */
  scheduledAt?: number
  /** The clock, ms. @default performance.now */
  clock?: () => number
  /** Counts the tokens of the generated text when the server sends no usage (tokenizer, no special tokens). */
  countTokens?: (text: string) => number
}

/** Where a request's output token count came from. */
export type TokenSource = 'usage' | 'tokenizer' | 'chunks-estimate'

/** What the server said about itself in a response. */
export interface ServerFacts {
  /** The `model` field of the chunks. */
  model?: string
  /** The `system_fingerprint` field of the chunks. */
  systemFingerprint?: string
  /** The HTTP `Server` header. */
  serverHeader?: string
}

/** One streamed request, as measured. A failed request keeps what it measured before it failed. */
export interface RequestRecord {
  status: 'ok' | 'failed'
  /**
   * Why it failed, e.g. `http 500: <server message>`, `rate limited (Retry-After 3 s)`, `connect timeout`,
   * `first-token timeout`, `total timeout`, `connection dropped`, `error event: <message>`,
   * `malformed data line`, `no content`, `not an event stream (content-type <type>)`, `cancelled`, `connection failed: <code>`. Absent when ok.
   */
  reason?: string
  /** The HTTP status, when a response came. */
  httpStatus?: number
  /** Seconds from a 429's (or 503's) `Retry-After` header. */
  retryAfterSeconds?: number
  /** When the request was scheduled, on the request's clock, ms. */
  scheduledAt: number
  /** Scheduled to sent (queueing in the client), ms. */
  sendDelayMs: number
  /** Scheduled to the first chunk carrying content (text, reasoning or a tool-call delta); null without one. */
  ttftMs: number | null
  /** Scheduled to the last chunk carrying content (the usage chunk and `[DONE]` never move it); null without content. */
  e2eMs: number | null
  /** Gaps between consecutive content chunks, ms (chunks that arrived in one read have a gap of 0). */
  itlMs: number[]
  /** Arrival of every content chunk, ms from scheduled. */
  chunkTimesMs: number[]
  /** Content chunks received. */
  contentChunks: number
  /** Output tokens: usage.completion_tokens, else the tokenizer's count, else content chunks (an estimate). */
  outputTokens: number
  tokenSource: TokenSource
  /** usage.prompt_tokens, when the server sent it. */
  promptTokens?: number
  /** The generated text joined (content, reasoning and tool-call arguments). */
  text: string
  server: ServerFacts
}

/**
 * The measurement of one streamed request, pure: the I/O side hands it each
 * event with the clock reading of the read that completed it, and it keeps
 * the content chunks' times, the text, usage and what the server said about
 * itself; `finish` turns that into a RequestRecord. The first content chunk
 * (text, reasoning or tool-call delta; not a role-only chunk) gives TTFT; the
 * last one gives E2E; usage and `[DONE]` never move either.
 */
import type { RequestRecord, ServerFacts } from '../../types/endpoint.js'
import type { StreamChunk } from './stream-chunk.js'

export class StreamRecorder {
  private readonly times: number[] = []
  private text = ''
  private completionTokens: number | undefined
  private promptTokens: number | undefined
  readonly server: ServerFacts = {}
  httpStatus: number | undefined
  retryAfterSeconds: number | undefined
  sentAt: number | undefined

  constructor(readonly scheduledAt: number) {}

  /** Content chunks so far. */
  get contentChunks(): number {
    return this.times.length
  }

  /** A parsed chunk that arrived at `at` (clock ms). */
  chunk(c: Extract<StreamChunk, { kind: 'chunk' }>, at: number): void {
    if (c.carriesContent) this.times.push(at)
    this.text += c.text
    if (c.completionTokens !== undefined) this.completionTokens = c.completionTokens
    if (c.promptTokens !== undefined) this.promptTokens = c.promptTokens
    if (c.model !== undefined) this.server.model = c.model
    if (c.systemFingerprint !== undefined) this.server.systemFingerprint = c.systemFingerprint
  }

  /**
   * The record. Output tokens: usage.completion_tokens when sent, else `countTokens` of the joined text,
   * else the content chunks (an estimate). A request that ended without failure but without content fails
   * with `no content`.
   */
  finish(failure: string | undefined, countTokens?: (text: string) => number): RequestRecord {
    const rel = this.times.map((t) => t - this.scheduledAt)
    const itlMs: number[] = []
    for (let i = 1; i < rel.length; i++) itlMs.push(rel[i]! - rel[i - 1]!)
    const reason = failure ?? (rel.length === 0 ? 'no content' : undefined)
    let outputTokens = rel.length
    let tokenSource: RequestRecord['tokenSource'] = 'chunks-estimate'
    // a usage of 0 tokens after content is a server's mistake, not a count
    if (this.completionTokens !== undefined && (this.completionTokens > 0 || rel.length === 0)) {
      outputTokens = this.completionTokens
      tokenSource = 'usage'
    } else if (countTokens && this.text !== '') {
      outputTokens = countTokens(this.text)
      tokenSource = 'tokenizer'
    }
    const record: RequestRecord = {
      status: reason === undefined ? 'ok' : 'failed',
      scheduledAt: this.scheduledAt,
      sendDelayMs: (this.sentAt ?? this.scheduledAt) - this.scheduledAt,
      ttftMs: rel.length > 0 ? rel[0]! : null,
      e2eMs: rel.length > 0 ? rel[rel.length - 1]! : null,
      itlMs,
      chunkTimesMs: rel,
      contentChunks: rel.length,
      outputTokens,
      tokenSource,
      text: this.text,
      server: { ...this.server },
    }
    if (reason !== undefined) record.reason = reason
    if (this.httpStatus !== undefined) record.httpStatus = this.httpStatus
    if (this.retryAfterSeconds !== undefined) record.retryAfterSeconds = this.retryAfterSeconds
    if (this.promptTokens !== undefined) record.promptTokens = this.promptTokens
    return record
  }
}

/**
 * What one SSE event of an OpenAI-compatible stream says, pure: content (text,
 * reasoning or tool-call deltas) or not, usage, the server's model and
 * fingerprint, or an error. Chat chunks carry `choices[].delta` (`content`,
 * `reasoning_content` / `reasoning`, `tool_calls`); completion chunks carry
 * `choices[].text`; the usage chunk (`stream_options.include_usage`) has empty
 * or null `choices` and a `usage` object; an error arrives as an `error` object
 * in a data line or as an `event: error`.
 */
import type { SseEvent } from './sse-parser.js'

export type StreamChunk =
  | {
      kind: 'chunk'
      /** The text this chunk adds (content, reasoning and tool-call arguments); '' when none. */
      text: string
      /** Carries content, reasoning or a tool-call delta: counts for TTFT, ITL and E2E. A role-only or finish chunk does not. */
      carriesContent: boolean
      completionTokens?: number
      promptTokens?: number
      model?: string
      systemFingerprint?: string
    }
  | { kind: 'error'; message: string }
  | { kind: 'malformed' }

/** At most this many characters of a server's message go into a reason. */
export const MAX_SERVER_MESSAGE = 200

/** A server's message, shortened to one line for a reason. */
export function shortMessage(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim()
  return one.length > MAX_SERVER_MESSAGE ? `${one.slice(0, MAX_SERVER_MESSAGE)}...` : one
}

/** The message of an OpenAI-style error body (`{ error: { message } }`, `{ error: '...' }`, `{ message }`, `{ detail }`), or the text. */
export function errorBodyMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as unknown
    if (isRecord(parsed)) {
      const err = parsed.error
      if (typeof err === 'string') return shortMessage(err)
      if (isRecord(err) && typeof err.message === 'string') return shortMessage(err.message)
      if (typeof parsed.message === 'string') return shortMessage(parsed.message)
      if (typeof parsed.detail === 'string') return shortMessage(parsed.detail)
    }
  } catch {
    // not JSON: the text itself
  }
  return shortMessage(body)
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v !== ''

/** The text and content flag of one choice (chat delta or completion text). */
function choiceContent(choice: unknown): { text: string; content: boolean } {
  if (!isRecord(choice)) return { text: '', content: false }
  let text = ''
  let content = false
  if (nonEmpty(choice.text)) {
    text += choice.text
    content = true
  }
  const delta = choice.delta
  if (isRecord(delta)) {
    for (const key of ['reasoning_content', 'reasoning', 'content'] as const) {
      if (nonEmpty(delta[key])) {
        text += delta[key]
        content = true
      }
    }
    if (Array.isArray(delta.tool_calls) && delta.tool_calls.length > 0) {
      content = true
      for (const call of delta.tool_calls) {
        const fn = isRecord(call) ? call.function : undefined
        if (isRecord(fn) && nonEmpty(fn.arguments)) text += fn.arguments
      }
    }
  }
  return { text, content }
}

const count = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined)

/** Reads one event (not `[DONE]`). */
export function readChunk(e: SseEvent): StreamChunk {
  if (e.event === 'error') return { kind: 'error', message: e.data === '' ? 'no message' : errorBodyMessage(e.data) }
  let parsed: unknown
  try {
    parsed = JSON.parse(e.data)
  } catch {
    return { kind: 'malformed' }
  }
  if (!isRecord(parsed)) return { kind: 'malformed' }
  if (parsed.error !== undefined && parsed.error !== null) return { kind: 'error', message: errorBodyMessage(e.data) }
  const out: Extract<StreamChunk, { kind: 'chunk' }> = { kind: 'chunk', text: '', carriesContent: false }
  if (Array.isArray(parsed.choices)) {
    for (const choice of parsed.choices) {
      const c = choiceContent(choice)
      out.text += c.text
      out.carriesContent ||= c.content
    }
  }
  const usage = parsed.usage
  if (isRecord(usage)) {
    const completion = count(usage.completion_tokens)
    const prompt = count(usage.prompt_tokens)
    if (completion !== undefined) out.completionTokens = completion
    if (prompt !== undefined) out.promptTokens = prompt
  }
  if (nonEmpty(parsed.model)) out.model = parsed.model
  if (nonEmpty(parsed.system_fingerprint)) out.systemFingerprint = parsed.system_fingerprint
  return out
}

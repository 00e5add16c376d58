/**
 * The JSON objects of OpenAI's completion responses, streamed (`chat.completion.chunk`, `text_completion`
 * chunks) and whole (`chat.completion`, `text_completion`), built from what the server generated. Pure.
 */
import type { CompletionApi } from './request-body.js'

export interface Usage {
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
}

/** What every object of one response shares. */
export interface ResponseHead {
  api: CompletionApi
  /** `chatcmpl-...` or `cmpl-...`. */
  id: string
  /** Unix seconds. */
  created: number
  model: string
  systemFingerprint: string
}

export type FinishReason = 'stop' | 'length'

export function usageOf(promptTokens: number, completionTokens: number): Usage {
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens }
}

function envelope(head: ResponseHead, streamed: boolean) {
  const object = head.api === 'chat' ? (streamed ? 'chat.completion.chunk' : 'chat.completion') : 'text_completion'
  return { id: head.id, object, created: head.created, model: head.model, system_fingerprint: head.systemFingerprint }
}

/** A streamed chunk of one choice: new text (or the chat's first, role-only chunk), and the finish reason on the last. */
export function streamChunk(head: ResponseHead, delta: { role?: 'assistant'; text?: string }, finishReason: FinishReason | null): Record<string, unknown> {
  const choice =
    head.api === 'chat'
      ? {
          index: 0,
          delta: { ...(delta.role ? { role: delta.role } : {}), ...(delta.text !== undefined ? { content: delta.text } : {}) },
          logprobs: null,
          finish_reason: finishReason,
        }
      : { index: 0, text: delta.text ?? '', logprobs: null, finish_reason: finishReason }
  return { ...envelope(head, true), choices: [choice] }
}

/** The streamed usage chunk (stream_options.include_usage): no choices. */
export function usageChunk(head: ResponseHead, usage: Usage): Record<string, unknown> {
  return { ...envelope(head, true), choices: [], usage }
}

/** A whole (non-streamed) response. */
export function wholeResponse(head: ResponseHead, text: string, finishReason: FinishReason, usage: Usage): Record<string, unknown> {
  const choice =
    head.api === 'chat'
      ? { index: 0, message: { role: 'assistant', content: text }, logprobs: null, finish_reason: finishReason }
      : { index: 0, text, logprobs: null, finish_reason: finishReason }
  return { ...envelope(head, false), choices: [choice], usage }
}

/** One server-sent event carrying JSON (or the `[DONE]` marker). */
export function sseEvent(data: Record<string, unknown> | '[DONE]'): string {
  return `data: ${data === '[DONE]' ? data : JSON.stringify(data)}\n\n`
}

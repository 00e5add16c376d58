/**
 * The body of a `/v1/chat/completions` or `/v1/completions` request, checked as an OpenAI-compatible
 * server checks it: pure, so that every refusal (the field it names, the status it answers) is tested
 * without a server. Fields the server does not act on (top_p, seed, stop, ...) are accepted and ignored,
 * as clients send them by default; a field it does act on with the wrong type is refused, naming it.
 */
import { ApiError } from './api-error.js'

export type CompletionApi = 'chat' | 'completions'

/** What the server generates for one request. */
export interface CompletionRequest {
  api: CompletionApi
  model: string
  /** The text given to the tokenizer (chat messages formatted, see chatPrompt). */
  prompt: string
  /** Most tokens to generate; undefined: the chat default, up to the model's context. */
  maxTokens: number | undefined
  stream: boolean
  /** Send a usage chunk before `[DONE]` (stream_options.include_usage). */
  includeUsage: boolean
  /** Generate maxTokens even past an end-of-sequence token (vLLM's `ignore_eos`). */
  ignoreEos: boolean
}

/** OpenAI's default max_tokens of the legacy completions API. */
export const COMPLETIONS_DEFAULT_MAX_TOKENS = 16

type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

function optionalBoolean(body: Json, key: string, field = key): boolean {
  const v = body[key]
  if (v === undefined || v === null) return false
  if (typeof v !== 'boolean') throw ApiError.badRequest(`'${field}' must be a boolean, got ${JSON.stringify(v)}`, field)
  return v
}

function optionalPositiveInt(body: Json, field: string): number | undefined {
  const v = body[field]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw ApiError.badRequest(`'${field}' must be an integer >= 1, got ${JSON.stringify(v)}`, field)
  return v
}

/** The text of one chat message's content: a string, or the text parts of a content array. */
function messageText(content: unknown, field: string): string {
  if (typeof content === 'string') return content
  if (Array.isArray(content) && content.every((part) => isObject(part) && part.type === 'text' && typeof part.text === 'string')) {
    return content.map((part) => (part as { text: string }).text).join('')
  }
  throw ApiError.badRequest(`'${field}' must be a string or an array of text parts ({ "type": "text", "text": "..." })`, field)
}

/**
 * The chat messages as one prompt, for a model without a chat template: `role: content` per line, then
 * `assistant:` for the model to continue.
 */
export function chatPrompt(messages: unknown): string {
  if (!Array.isArray(messages) || messages.length === 0) throw ApiError.badRequest("'messages' must be a non-empty array of { role, content }", 'messages')
  const lines = messages.map((m, i) => {
    const field = `messages[${i}]`
    if (!isObject(m) || typeof m.role !== 'string') throw ApiError.badRequest(`'${field}' must be an object with a string 'role' and a 'content'`, field)
    return `${m.role}: ${messageText(m.content, `${field}.content`)}`
  })
  return `${lines.join('\n')}\nassistant:`
}

function completionPrompt(prompt: unknown): string {
  if (typeof prompt === 'string') return prompt
  if (Array.isArray(prompt) && prompt.length === 1 && typeof prompt[0] === 'string') return prompt[0]
  throw ApiError.badRequest("'prompt' must be a string (or an array of one string)", 'prompt')
}

/** The checked request; an ApiError (status 400, naming the field) when the body is not a valid request. */
export function parseCompletionRequest(api: CompletionApi, body: unknown): CompletionRequest {
  if (!isObject(body)) throw ApiError.badRequest('the request body must be a JSON object', undefined)
  if (typeof body.model !== 'string' || body.model === '') throw ApiError.badRequest("'model' is required: the name /v1/models lists", 'model')
  if (body.n !== undefined && body.n !== null && body.n !== 1)
    throw ApiError.badRequest(`'n' must be 1 (this server generates one choice), got ${JSON.stringify(body.n)}`, 'n')
  const streamOptions = body.stream_options
  if (streamOptions !== undefined && streamOptions !== null && !isObject(streamOptions)) {
    throw ApiError.badRequest('\'stream_options\' must be an object, e.g. { "include_usage": true }', 'stream_options')
  }
  const stream = optionalBoolean(body, 'stream')
  const includeUsage = isObject(streamOptions) ? optionalBoolean(streamOptions, 'include_usage', 'stream_options.include_usage') : false
  if (isObject(streamOptions) && !stream) throw ApiError.badRequest("'stream_options' is only allowed when 'stream' is true", 'stream_options')
  const maxField = api === 'chat' && body.max_completion_tokens !== undefined ? 'max_completion_tokens' : 'max_tokens'
  const maxTokens = optionalPositiveInt(body, maxField)
  return {
    api,
    model: body.model,
    prompt: api === 'chat' ? chatPrompt(body.messages) : completionPrompt(body.prompt),
    maxTokens: maxTokens ?? (api === 'completions' ? COMPLETIONS_DEFAULT_MAX_TOKENS : undefined),
    stream,
    includeUsage,
    ignoreEos: optionalBoolean(body, 'ignore_eos'),
  }
}

/** The checks of a completion request's body, as `perfgate serve` answers them: exact fields and messages, no server. */
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../src/serve/api-error.js'
import { chatPrompt, COMPLETIONS_DEFAULT_MAX_TOKENS, parseCompletionRequest, type CompletionApi } from '../../../src/serve/request-body.js'

/** The refusal of a body: its status, the field it names and its message. */
function refusal(api: CompletionApi, body: unknown): { status: number; param: string | null; message: string } {
  try {
    parseCompletionRequest(api, body)
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    return { status: err.status, param: err.param, message: err.message }
  }
  throw new Error('the body was accepted')
}

describe('a chat request', () => {
  it('formats the messages as one prompt for a model without a chat template', () => {
    expect(
      chatPrompt([
        { role: 'system', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Hi' },
            { type: 'text', text: '!' },
          ],
        },
      ]),
    ).toBe('system: Be brief.\nuser: Hi!\nassistant:')
  })

  it('reads model, stream, include_usage, ignore_eos and max_completion_tokens over max_tokens', () => {
    const body = {
      model: 'tiny-gpt',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 8,
      max_completion_tokens: 4,
      ignore_eos: true,
      temperature: 0,
      top_p: 1,
      seed: 3,
    }
    expect(parseCompletionRequest('chat', body)).toEqual({
      api: 'chat',
      model: 'tiny-gpt',
      prompt: 'user: Hi\nassistant:',
      maxTokens: 4,
      stream: true,
      includeUsage: true,
      ignoreEos: true,
    })
  })

  it('leaves max_tokens to the model context when the request gives none', () => {
    expect(parseCompletionRequest('chat', { model: 'm', messages: [{ role: 'user', content: 'Hi' }] })).toMatchObject({ maxTokens: undefined, stream: false })
  })

  it('refuses a malformed field with 400, naming it', () => {
    expect(refusal('chat', { model: 'm' })).toEqual({ status: 400, param: 'messages', message: "'messages' must be a non-empty array of { role, content }" })
    expect(refusal('chat', { model: 'm', messages: [{ role: 'user', content: 3 }] })).toEqual({
      status: 400,
      param: 'messages[0].content',
      message: '\'messages[0].content\' must be a string or an array of text parts ({ "type": "text", "text": "..." })',
    })
    expect(refusal('chat', { model: 'm', messages: ['Hi'] }).param).toBe('messages[0]')
    expect(refusal('chat', { model: 'm', messages: [{ role: 'user', content: 'Hi' }], max_completion_tokens: 0 })).toEqual({
      status: 400,
      param: 'max_completion_tokens',
      message: "'max_completion_tokens' must be an integer >= 1, got 0",
    })
  })
})

describe('a completions request', () => {
  it("defaults max_tokens to OpenAI's 16 and takes a prompt array of one string", () => {
    expect(COMPLETIONS_DEFAULT_MAX_TOKENS).toBe(16)
    expect(parseCompletionRequest('completions', { model: 'm', prompt: ['Hello'] })).toEqual({
      api: 'completions',
      model: 'm',
      prompt: 'Hello',
      maxTokens: 16,
      stream: false,
      includeUsage: false,
      ignoreEos: false,
    })
  })

  it('refuses what it cannot honour, naming the field', () => {
    expect(refusal('completions', [])).toEqual({ status: 400, param: null, message: 'the request body must be a JSON object' })
    expect(refusal('completions', { prompt: 'Hi' })).toEqual({ status: 400, param: 'model', message: "'model' is required: the name /v1/models lists" })
    expect(refusal('completions', { model: 'm', prompt: ['a', 'b'] }).param).toBe('prompt')
    expect(refusal('completions', { model: 'm', prompt: 'Hi', n: 2 })).toEqual({
      status: 400,
      param: 'n',
      message: "'n' must be 1 (this server generates one choice), got 2",
    })
    expect(refusal('completions', { model: 'm', prompt: 'Hi', max_tokens: 2.5 }).param).toBe('max_tokens')
    expect(refusal('completions', { model: 'm', prompt: 'Hi', stream: 'yes' })).toEqual({
      status: 400,
      param: 'stream',
      message: '\'stream\' must be a boolean, got "yes"',
    })
    expect(refusal('completions', { model: 'm', prompt: 'Hi', stream_options: { include_usage: true } })).toEqual({
      status: 400,
      param: 'stream_options',
      message: "'stream_options' is only allowed when 'stream' is true",
    })
    expect(refusal('completions', { model: 'm', prompt: 'Hi', stream: true, stream_options: { include_usage: 1 } }).param).toBe('stream_options.include_usage')
  })
})

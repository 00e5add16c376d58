import { describe, expect, it } from 'vitest'
import { isDoneEvent, SseParser } from '../../../src/measure/endpoint/sse-parser.js'
import { readChunk } from '../../../src/measure/endpoint/stream-chunk.js'

const STREAM = 'data: {"a":1}\n\n: keep-alive\n\nevent: error\ndata: {"error":{"message":"boom"}}\n\ndata: line one\ndata: line two\n\ndata: [DONE]\n\n'
const EXPECTED = [
  { event: 'message', data: '{"a":1}' },
  { event: 'error', data: '{"error":{"message":"boom"}}' },
  { event: 'message', data: 'line one\nline two' },
  { event: 'message', data: '[DONE]' },
]

function parseInPieces(text: string, size: number) {
  const p = new SseParser()
  const out = []
  for (let i = 0; i < text.length; i += size) out.push(...p.push(text.slice(i, i + size)))
  return [...out, ...p.end()]
}

describe('SseParser', () => {
  it('parses a whole stream in one read: several events, comments skipped, data lines joined', () => {
    expect(parseInPieces(STREAM, STREAM.length)).toEqual(EXPECTED)
  })

  it('gives the same events whatever the read boundaries, down to one character per read', () => {
    for (const size of [1, 2, 3, 7, 13]) expect(parseInPieces(STREAM, size)).toEqual(EXPECTED)
  })

  it('reads CRLF and CR line ends, a CRLF split across two reads being one line end', () => {
    const crlf = STREAM.replace(/\n/g, '\r\n')
    for (const size of [1, 2, 5, crlf.length]) expect(parseInPieces(crlf, size)).toEqual(EXPECTED)
    expect(parseInPieces(STREAM.replace(/\n/g, '\r'), 4)).toEqual(EXPECTED)
  })

  it('dispatches a last event that lacks its blank line when the stream ends', () => {
    const p = new SseParser()
    expect(p.push('data: [DONE]')).toEqual([])
    expect(p.end()).toEqual([{ event: 'message', data: '[DONE]' }])
  })

  it('takes the value after one optional space, and fields without a colon', () => {
    const p = new SseParser()
    expect(p.push('data:x\ndata:  y\ndata\n\n')).toEqual([{ event: 'message', data: 'x\n y\n' }])
  })

  it('recognises [DONE]', () => {
    expect(isDoneEvent({ event: 'message', data: '[DONE]' })).toBe(true)
    expect(isDoneEvent({ event: 'message', data: '{}' })).toBe(false)
  })
})

describe('readChunk', () => {
  const ev = (data: unknown) => ({ event: 'message', data: JSON.stringify(data) })
  it('a role-only chat chunk carries no content; content, reasoning and tool calls do', () => {
    expect(readChunk(ev({ choices: [{ delta: { role: 'assistant', content: '' } }] }))).toMatchObject({ carriesContent: false, text: '' })
    expect(readChunk(ev({ choices: [{ delta: { content: 'Hi' } }] }))).toMatchObject({ carriesContent: true, text: 'Hi' })
    expect(readChunk(ev({ choices: [{ delta: { reasoning_content: 'hmm' } }] }))).toMatchObject({ carriesContent: true, text: 'hmm' })
    expect(readChunk(ev({ choices: [{ delta: { reasoning: 'hmm' } }] }))).toMatchObject({ carriesContent: true })
    expect(readChunk(ev({ choices: [{ delta: { tool_calls: [{ index: 0, function: { arguments: '{"a"' } }] } }] }))).toMatchObject({
      carriesContent: true,
      text: '{"a"',
    })
    expect(readChunk(ev({ choices: [{ text: 'Hi', index: 0 }] }))).toMatchObject({ carriesContent: true, text: 'Hi' })
  })

  it('the usage chunk (empty or null choices) carries usage, not content', () => {
    for (const choices of [[], null]) {
      expect(readChunk(ev({ choices, usage: { prompt_tokens: 3, completion_tokens: 16 } }))).toEqual({
        kind: 'chunk',
        text: '',
        carriesContent: false,
        completionTokens: 16,
        promptTokens: 3,
      })
    }
  })

  it('errors: an error object in a data line, an error event, malformed JSON', () => {
    expect(readChunk(ev({ error: { message: 'overloaded' } }))).toEqual({ kind: 'error', message: 'overloaded' })
    expect(readChunk({ event: 'error', data: 'upstream gone' })).toEqual({ kind: 'error', message: 'upstream gone' })
    expect(readChunk({ event: 'message', data: '{"choices": [' })).toEqual({ kind: 'malformed' })
    expect(readChunk({ event: 'message', data: '42' })).toEqual({ kind: 'malformed' })
  })
})

/**
 * An incremental parser of server-sent events (the WHATWG "event stream"
 * format), pure: text goes in as it arrives, in pieces of any size, and whole
 * events come out. One piece may hold several events or part of one; lines end
 * with LF, CRLF or CR (a CRLF split across two pieces is one line end); lines
 * starting with `:` are comments (keep-alives) and skipped; `data` lines of one
 * event are joined with LF; an event is dispatched at a blank line. Decoding
 * bytes to text (UTF-8 split across reads) is the caller's job (TextDecoder with
 * `stream: true`).
 */

/** One dispatched event. `event` is the `event:` field, `message` when none was given. */
export interface SseEvent {
  event: string
  data: string
  /** The `id:` field, when given. */
  id?: string
}

/** `data: [DONE]`: the OpenAI convention for the end of a stream. */
export function isDoneEvent(e: SseEvent): boolean {
  return e.data.trim() === '[DONE]'
}

export class SseParser {
  private buffer = ''
  /** The previous piece ended with CR: an LF at the start of the next one belongs to that line end. */
  private pendingCr = false
  private data: string[] = []
  private event = ''
  private id: string | undefined
  private hasField = false

  /** Feeds a piece of the stream; returns the events it completed, in order. */
  push(text: string): SseEvent[] {
    let s = text
    if (this.pendingCr && s.startsWith('\n')) s = s.slice(1)
    this.pendingCr = false
    this.buffer += s
    const out: SseEvent[] = []
    let start = 0
    for (let i = 0; i < this.buffer.length; i++) {
      const ch = this.buffer[i]
      if (ch !== '\n' && ch !== '\r') continue
      this.line(this.buffer.slice(start, i), out)
      if (ch === '\r') {
        if (i + 1 === this.buffer.length) this.pendingCr = true
        else if (this.buffer[i + 1] === '\n') i++
      }
      start = i + 1
    }
    this.buffer = this.buffer.slice(start)
    return out
  }

  /**
   * The stream ended: a last event without its blank line is dispatched (servers that close right after
   * `data: [DONE]` are common); an incomplete last line counts as a line.
   */
  end(): SseEvent[] {
    const out: SseEvent[] = []
    if (this.buffer !== '') this.line(this.buffer, out)
    this.buffer = ''
    this.dispatch(out)
    return out
  }

  private line(line: string, out: SseEvent[]): void {
    if (line === '') {
      this.dispatch(out)
      return
    }
    if (line.startsWith(':')) return
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    let value = colon < 0 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'data') {
      this.data.push(value)
      this.hasField = true
    } else if (field === 'event') {
      this.event = value
      this.hasField = true
    } else if (field === 'id') {
      this.id = value
    }
    // `retry` and unknown fields are ignored, as the format prescribes
  }

  private dispatch(out: SseEvent[]): void {
    if (this.hasField && this.data.length > 0) {
      const e: SseEvent = { event: this.event || 'message', data: this.data.join('\n') }
      if (this.id !== undefined) e.id = this.id
      out.push(e)
    } else if (this.hasField && this.event !== '') {
      // an `event:` line without data (e.g. `event: error` alone): dispatched with empty data so it is not lost
      out.push({ event: this.event, data: '' })
    }
    this.data = []
    this.event = ''
    this.hasField = false
  }
}

import { describe, expect, it } from 'vitest'
import { terminalLines, terminalText } from '../../../src/report/terminal-text.js'

describe('terminalText', () => {
  it('leaves ordinary names, Unicode included, as they are', () => {
    expect(terminalText('detector > 640x640 [int8] ü 模型 🚀')).toBe('detector > 640x640 [int8] ü 模型 🚀')
  })

  it('shows an OSC 8 hyperlink as text instead of a link', () => {
    expect(terminalText('\u001b]8;;http://x\u0007click\u001b]8;;\u0007 =1+1')).toBe('\\x1b]8;;http://x\\x07click\\x1b]8;;\\x07 =1+1')
  })

  it('shows colours, cursor moves and the one-byte CSI as text', () => {
    expect(terminalText('\u001b[31mred\u001b[0m\u001b[2K\u009b1A')).toBe('\\x1b[31mred\\x1b[0m\\x1b[2K\\x9b1A')
  })

  it('escapes every C0 control (line breaks and tabs too), DEL and the C1 range', () => {
    expect(terminalText('a\u0000b\tc\nd\re\u0008f\u007fg\u0085h')).toBe('a\\x00b\\x09c\\x0ad\\x0de\\x08f\\x7fg\\x85h')
  })

  it('escapes bidi embeddings, overrides and isolates, which reorder what follows', () => {
    expect(terminalText('a\u202ab\u202ec\u2066d\u2069e\u200ff')).toBe('a\\u{202a}b\\u{202e}c\\u{2066}d\\u{2069}e\u200ff')
  })
})

describe('terminalLines', () => {
  it('keeps its own line breaks and escapes everything else', () => {
    expect(terminalLines('perfgate: x\u001b[2J\nsecond\rline\n')).toBe('perfgate: x\\x1b[2J\nsecond\\x0dline\n')
  })
})

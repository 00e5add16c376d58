import { describe, expect, it } from 'vitest'
import { csvCell, csvDocument } from '../../../src/report/csv-writer.js'

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks (RFC 4180), and leaves empty what is missing', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a, b')).toBe('"a, b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell(null)).toBe('')
    expect(csvCell(true)).toBe('true')
  })

  it('writes numbers as numbers: negative ones stay numbers, non-finite ones are empty', () => {
    expect(csvCell(-1.5)).toBe('-1.5')
    expect(csvCell(-0.001)).toBe('-0.001')
    expect(csvCell(2e-7)).toBe('2e-7')
    expect(csvCell(Number.NaN)).toBe('')
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('')
  })

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('-1')).toBe("'-1")
    expect(csvCell('@sum')).toBe("'@sum")
    expect(csvCell('\tcmd')).toBe("'\tcmd")
    expect(csvCell('\rcmd')).toBe('"\'\rcmd"')
    expect(csvCell('a=1')).toBe('a=1')
  })

  it('shows control characters other than tab and line breaks, and bidi controls, as text', () => {
    expect(csvCell('\u001b]8;;http://x\u0007click\u001b]8;;\u0007 =1+1')).toBe('\\x1b]8;;http://x\\x07click\\x1b]8;;\\x07 =1+1')
    expect(csvCell('a\u0000b\u007fc\u009bd\u202ee\tf')).toBe('a\\x00b\\x7fc\\x9bd\\u{202e}e\tf')
  })
})

describe('csvDocument', () => {
  it('writes the header and one line per row, each ended by CRLF', () => {
    expect(
      csvDocument(
        ['name', 'value'],
        [
          ['=a', -2],
          ['b,c', null],
        ],
      ),
    ).toBe('name,value\r\n\'=a,-2\r\n"b,c",\r\n')
    expect(csvDocument(['only'], [])).toBe('only\r\n')
  })
})

import { describe, expect, it } from 'vitest'
import { stripVTControlCharacters } from 'node:util'
import { ansi, colorEnabled } from '../../../src/report/ansi.js'
import { escapeHtml, escapeMarkdown } from '../../../src/report/escape.js'
import { summaryTable, wrapText } from '../../../src/report/summary-table.js'
import { HOSTILE, row } from './results-factory.js'

// eslint-disable-next-line no-control-regex -- the escape character is what is removed
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '')
const widest = (text: string) => Math.max(...text.split('\n').map((l) => stripVTControlCharacters(l).length))

describe('summaryTable', () => {
  const rows = [
    row('latency.p50', 11, 13, { verdict: 'regressed', interval: { lowPct: 12.5, highPct: 24.25, confidence: 0.99 } }),
    row('throughput', 2687, 301, { verdict: 'regressed', tolerance: '50%' }),
    row('memory.peakDeltaMB', 34, 38.3, {
      tolerance: '50%, ±30 MB',
      note: 'beyond tolerance, not significant: p=0.200 >= 0.01 and a long note that has to wrap',
    }),
  ]

  it('fits 80 columns, keeping the interval and dropping the tolerance first', () => {
    const text = summaryTable(rows)
    expect(widest(text)).toBeLessThanOrEqual(80)
    expect(text).toMatchInlineSnapshot(`
      "metric                 baseline     current                 change  verdict
      ------------------  -----------  ----------  ---------------------  ---------
      latency.p50             11.0 ms     13.0 ms  +18.2% [+12.5, +24.3]  REGRESSED
      throughput          2687 runs/s  301 runs/s                 -88.8%  REGRESSED
      memory.peakDeltaMB      34.0 MB     38.3 MB                 +12.6%  ok (1)
      (1) memory.peakDeltaMB: beyond tolerance, not significant: p=0.200 >= 0.01 and a
          long note that has to wrap"
    `)
  })

  it('shows every column when they fit, and shortens metric names as a last resort', () => {
    expect(summaryTable(rows, { width: 200 }).split('\n')[0]).toBe('metric                 baseline     current                 change    tolerance  verdict')
    const narrow = summaryTable(rows.slice(0, 2), { width: 52 })
    expect(widest(narrow)).toBeLessThanOrEqual(52)
    expect(narrow).toContain('latency…')
    expect(narrow).toContain('through…')
  })

  it('colours verdicts only when given a painter, without changing the layout', () => {
    const coloured = summaryTable(rows, { paint: ansi })
    expect(coloured).toContain('\u001b[31mREGRESSED\u001b[39m')
    expect(stripAnsi(coloured)).toBe(summaryTable(rows))
    expect(summaryTable(rows)).not.toContain('\u001b[')
  })
})

describe('wrapText', () => {
  it('breaks at spaces and indents the continuation', () => {
    expect(wrapText('aaa bbb ccc ddd', 8, '  ')).toEqual(['aaa bbb', '  ccc', '  ddd'])
  })
})

describe('colorEnabled', () => {
  it('colours a terminal unless NO_COLOR is set; FORCE_COLOR overrides the terminal check', () => {
    expect(colorEnabled(true, {})).toBe(true)
    expect(colorEnabled(false, {})).toBe(false)
    expect(colorEnabled(undefined, {})).toBe(false)
    expect(colorEnabled(true, { NO_COLOR: '1' })).toBe(false)
    expect(colorEnabled(true, { NO_COLOR: '' })).toBe(true)
    expect(colorEnabled(false, { FORCE_COLOR: '1' })).toBe(true)
    expect(colorEnabled(true, { FORCE_COLOR: '0' })).toBe(false)
    expect(colorEnabled(false, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false)
  })
})

describe('escaping', () => {
  it('HTML: every character that could open a tag or end an attribute', () => {
    expect(escapeHtml(HOSTILE)).toBe('&lt;img src=x onerror=alert(1)&gt;')
    expect(escapeHtml(`a&b "c" 'd'`)).toBe('a&amp;b &quot;c&quot; &#39;d&#39;')
    expect(escapeHtml('\u001b]8;;http://x\u0007<b>\nline')).toBe('\\x1b]8;;http://x\\x07&lt;b&gt;\nline')
  })

  it('Markdown table cells: HTML, pipes, backticks, emphasis and line breaks', () => {
    expect(escapeMarkdown(`${HOSTILE} | \`x\` *y* _z_ [l](u)\nnext`)).toBe('&lt;img src=x onerror=alert(1)&gt; \\| \\`x\\` \\*y\\* \\_z\\_ \\[l\\](u) next')
  })

  it('Markdown table cells show terminal escape sequences as text (perfgate report prints them)', () => {
    expect(escapeMarkdown('a\u001b]8;;http://x\u0007b\u202ec')).toBe('a\\x1b\\]8;;http://x\\x07b\\u{202e}c')
  })
})

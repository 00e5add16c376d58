import { describe, expect, it } from 'vitest'
import { textTable } from '../../src/report/text-table.js'

describe('textTable', () => {
  it('pads every column to its widest cell, right-aligns where asked, and rules the header', () => {
    const table = textTable(
      ['metric', 'value', 'note'],
      [
        ['latency.p95', '12.3 ms', 'ok'],
        ['throughput', '96.2 runs/s', ''],
      ],
      ['left', 'right', 'left'],
    )
    expect(table).toMatchInlineSnapshot(`
      "metric             value  note
      -----------  -----------  ----
      latency.p95      12.3 ms  ok
      throughput   96.2 runs/s"
    `)
  })

  it('trims trailing spaces and treats a missing cell as empty', () => {
    const table = textTable(['a', 'b'], [['x'], ['long cell', 'y']], ['left', 'left'])
    expect(table.split('\n')).toEqual(['a          b', '---------  -', 'x', 'long cell  y'])
  })

  it('is the header and its rule alone when there are no rows', () => {
    expect(textTable(['metric', 'n'], [], ['left', 'right'])).toBe('metric  n\n------  -')
  })
})

describe('textTable shows cells as data', () => {
  it('escapes control characters in cells and header and aligns on the escaped text', () => {
    expect(
      textTable(
        ['name', 'n'],
        [
          ['a\u001b[31mb', '1'],
          ['tab\there', '22'],
        ],
        ['left', 'right'],
      ).split('\n'),
    ).toEqual(['name          n', '-----------  --', 'a\\x1b[31mb    1', 'tab\\x09here  22'])
  })
})

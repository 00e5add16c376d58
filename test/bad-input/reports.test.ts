/**
 * Bad input for perfgate's terminal output and CSV files: names, paths and
 * arguments that carry terminal escape sequences are echoed as data (a
 * visible `\x1b`), never obeyed by the terminal.
 */
import { describe, expect, it } from 'vitest'
import { runCli } from '../cli/run-cli.js'
import { cliRows } from './catalogue.js'

const OSC_LINK = '\u001b]8;;http://x\u0007click\u001b]8;;\u0007'
const OSC_SHOWN = '\\x1b]8;;http://x\\x07click\\x1b]8;;\\x07'

describe('CLI messages echo names as data', () => {
  cliRows([
    {
      name: 'an unknown command that sets the window title',
      argv: ['\u001b]0;pwned\u0007'],
      exit: 2,
      words: ["unknown command '\\x1b]0;pwned\\x07'", 'Usage'],
    },
    {
      name: 'a model path with a colour code and a bidi override (MODEL_NOT_FOUND)',
      argv: ['profile', 'models/\u001b[31mred\u202e.onnx'],
      exit: 1,
      words: ['Model file not found: ', 'models/\\x1b[31mred\\u{202e}.onnx', 'Pass the path of an .onnx file'],
    },
    {
      name: 'compare with a results file named by an OSC 8 hyperlink',
      argv: ['compare', `${OSC_LINK}.json`, 'b.json'],
      exit: 2,
      words: [`${OSC_SHOWN}.json`],
    },
    {
      name: 'an --alpha value with a clear-screen sequence',
      argv: ['compare', 'a.json', 'b.json', '--alpha', '\u001b[2J'],
      exit: 2,
      words: ["--alpha expects a number between 0 and 1, e.g. 0.01; got '\\x1b[2J'"],
    },
  ])

  it('leaves no control character but line breaks on stderr', async () => {
    const r = await runCli(['profile', 'models/\u001b]0;title\u0007\r\u009b2J\u2066.onnx'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('models/\\x1b]0;title\\x07\\x0d\\x9b2J\\u{2066}.onnx')
    // eslint-disable-next-line no-control-regex -- no control character may be left
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
  })
})

import { describe, expect, it } from 'vitest'
import { GENERATE_DEFAULTS, parsePromptsFile, resolveGenerateOptions } from '../../src/measure/generation/generate-options.js'

describe('prompts files', () => {
  it('read one prompt per line, blank lines skipped, Windows line ends too', () => {
    expect(parsePromptsFile('first\n\n  \nsecond prompt\r\nthird\n', 'p.txt')).toEqual(['first', 'second prompt', 'third'])
  })

  it('read a JSON array of strings, so a prompt may span lines', () => {
    expect(parsePromptsFile('  ["a\\nb", "c"]\n', 'p.json')).toEqual(['a\nb', 'c'])
  })

  it('refuse JSON that is broken or not an array of strings', () => {
    expect(() => parsePromptsFile('["a", ', 'p.json')).toThrow(/Cannot read prompts from p\.json: it starts with \[ but is not valid JSON/)
    expect(() => parsePromptsFile('[1, 2]', 'p.json')).toThrow(/the JSON is not an array of strings/)
  })
})

describe('generate options', () => {
  it('default to 32 new tokens, ignoring EOS, 1 warm-up pass, 10 measured passes, one prompt per batch, no calibration', () => {
    expect(GENERATE_DEFAULTS).toEqual({ maxNewTokens: 32, ignoreEos: true, warmup: 1, runs: 10, batchSize: 1, calibrate: false })
    expect(resolveGenerateOptions({})).toEqual(GENERATE_DEFAULTS)
  })

  it('say which option is wrong and what it takes', () => {
    expect(() => resolveGenerateOptions({ maxNewTokens: 0 })).toThrow(
      'Invalid option profile.generate({ maxNewTokens }): got 0, expected an integer from 1 to 1000000.',
    )
    expect(() => resolveGenerateOptions({ ignoreEos: 'yes' as unknown as boolean })).toThrow(
      "Invalid option profile.generate({ ignoreEos }): got 'yes', expected true or false.",
    )
    expect(() => resolveGenerateOptions({ warmup: -1 })).toThrow('Invalid option profile.generate({ warmup })')
  })
})

import { describe, expect, it } from 'vitest'
import { generationCsv } from '../../src/report/generation-csv.js'
import { generationTable, promptPreview, promptTable } from '../../src/report/generation-table.js'
import { generationResult } from './generation-factory.js'

describe('promptPreview', () => {
  it('puts a prompt on one line and cuts it with an ellipsis', () => {
    expect(promptPreview('Hello')).toBe('Hello')
    expect(promptPreview('  line one\n\tline two ')).toBe('line one line two')
    expect(promptPreview('abcdefghij', 5)).toBe('abcd…')
    expect(promptPreview('abcde', 5)).toBe('abcde')
    expect(promptPreview('ééééé€', 5)).toBe('éééé…') // counts characters, not UTF-16 units
  })
})

describe('generationTable', () => {
  const g = generationResult()

  it('has one row per prompt: preview, tokens in and out, and the medians of TTFT, TPOT, E2E and tokens/s', () => {
    expect(promptTable(g)).toBe(
      [
        '#  prompt                                    in  out  TTFT ms  TPOT ms  E2E ms  tokens/s',
        '-  ----------------------------------------  --  ---  -------  -------  ------  --------',
        '1  Hello                                      4    3     11.0     2.50    16.0       190',
        '2  The river ran through the valley, past …   8    3     21.0     2.50    26.0       116',
      ].join('\n'),
    )
  })

  it('shows "-" for the TPOT of a prompt that generated a single token', () => {
    const single = generationResult({}, {})
    single.prompts[0]!.tpot = null
    expect(promptTable(single).split('\n')[2]).toMatch(/^1 {2}Hello .* 11\.0 {8}- {4}16\.0/)
  })

  it('heads the report with the model and the workload, and ends with the distributions, scaling, memory and testbed', () => {
    const lines = generationTable(g).split('\n')
    expect(lines[0]).toBe('models/tiny-llm/model.onnx  (4.22 KiB, sha256 bbbbbbbbbbbb), optimum KV layout, tokenizer models/tiny-llm/tokenizer.json')
    expect(lines[1]).toBe('2 prompts x 2 measured passes after 1 warm-up pass; 3 new tokens per prompt (end-of-sequence ignored), batch 1')
    const text = lines.join('\n')
    expect(text).toContain('over all requests  mean     sd   min   p50   p90   p95   p99   max  unit')
    expect(text).toContain('TTFT               16.0   5.89  10.0  16.0  21.4  21.7  21.9  22.0  ms')
    expect(text).toContain('ITL                2.50  0.535  2.00  2.50  3.00  3.00  3.00  3.00  ms')
    expect(text).toContain('tokens/s (output)   153   47.7   107   146   200   207   213   214  tokens/s')
    expect(text).toContain('TTFT vs input tokens: +2.50 ms per token, 1.00 ms at 0 tokens (r = 0.98, 4 requests)')
    expect(text).toContain('load (cold start) 40.0 ms; peak rss (vmhwm) 160 MiB; peak - before load 60.3 MiB')
    expect(lines.at(-1)).toBe(
      'testbed: Test CPU @ 3.00GHz, 8 cores, linux 6.1.0 x64, node v20.20.2, onnxruntime 1.30.0 [cpu], intra-op default, inter-op default',
    )
  })

  it('says when stopping at end-of-sequence, and when the prompts are too alike to fit a slope', () => {
    const text = generationTable(generationResult({}, { ignoreEos: false, scaling: { ttft: null, tpot: null }, tpot: null, itl: null }))
    expect(text).toContain('up to 3 new tokens per prompt (stops at end-of-sequence)')
    expect(text).toContain('TTFT vs input tokens: needs prompts of at least two lengths')
    expect(text).not.toMatch(/^TPOT {2}/m)
    expect(text).not.toMatch(/^ITL {2}/m)
  })
})

describe('generationTable shows prompts and names as data', () => {
  it('escapes control characters in the prompt preview and the model path', () => {
    const g = generationResult()
    g.prompts[0]!.prompt = 'Hi \u001b]8;;http://x\u0007there'
    g.model.path = 'models/\u202eevil.onnx'
    const text = generationTable(g)
    expect(text.split('\n')[0]).toMatch(/^models\/\\u\{202e\}evil\.onnx {2}\(/)
    expect(text).toContain('Hi \\x1b]8;;http://x\\x07there')
    // eslint-disable-next-line no-control-regex -- no control character may be left
    expect(text).not.toMatch(/[\u001b\u0007\u202e]/)
  })
})

describe('generationCsv', () => {
  it('writes one record per prompt at full precision, quoting fields as RFC 4180 says', () => {
    const g = generationResult()
    g.prompts[0]!.text = 'say "hi",\nthen go'
    expect(generationCsv(g).split('\r\n')).toEqual([
      'prompt_index,prompt,input_tokens,output_tokens,runs,ttft_ms_p50,ttft_ms_mean,tpot_ms_p50,tpot_ms_mean,e2e_ms_p50,e2e_ms_mean,tokens_per_second_p50,tokens_per_second_mean,output_text',
      `0,Hello,4,3,2,11,11,2.5,2.5,16,16,${(3000 / 14 + 3000 / 18) / 2},${(3000 / 14 + 3000 / 18) / 2},"say ""hi"",\nthen go"`,
      `1,"The river ran through the valley, past the mill.",8,3,2,21,21,2.5,2.5,26,26,${(3000 / 24 + 3000 / 28) / 2},${(3000 / 24 + 3000 / 28) / 2}, the mill`,
      '',
    ])
  })

  it('writes prompts and generated text as data: no formula, no terminal escape', () => {
    const g = generationResult()
    g.prompts[0]!.prompt = '=HYPERLINK("http://x","click")'
    g.prompts[0]!.text = '\u001b]8;;http://x\u0007click\u001b]8;;\u0007'
    const line = generationCsv(g).split('\r\n')[1]!
    expect(line.startsWith(`0,"'=HYPERLINK(""http://x"",""click"")",4,3,`)).toBe(true)
    expect(line.endsWith(',\\x1b]8;;http://x\\x07click\\x1b]8;;\\x07')).toBe(true)
  })
})

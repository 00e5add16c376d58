import { describe, expect, it } from 'vitest'
import { generationFigures } from '../../src/measure/generation/summarize-generation.js'
import { pooledItl, requestFigures, tokenScaling, tpotSamples } from '../../src/metrics/token-timings.js'

const request = (inputTokens: number, tokenTimesMs: number[], prompt = 0, run = 0) => requestFigures({ prompt, run, inputTokens, tokenTimesMs })

describe('requestFigures', () => {
  it('reads TTFT, E2E, TPOT, ITL and tokens per second off the token timestamps', () => {
    // 10 prompt tokens; tokens available 20, 25, 31 and 40 ms after the prompt was given
    expect(request(10, [20, 25, 31, 40], 2, 1)).toEqual({
      prompt: 2,
      run: 1,
      inputTokens: 10,
      outputTokens: 4,
      ttftMs: 20,
      tpotMs: 20 / 3, // (E2E 40 - TTFT 20) / (4 - 1)
      e2eMs: 40,
      itlMs: [5, 6, 9],
      prefillTokensPerSecond: 500, // 10 tokens in 20 ms
      tokensPerSecond: 100, // 4 tokens in 40 ms
      totalTokensPerSecond: 350, // 14 tokens in 40 ms
    })
  })

  it('has no TPOT and no gaps for a single output token', () => {
    const r = request(3, [8])
    expect(r.tpotMs).toBeNull()
    expect(r.itlMs).toEqual([])
    expect(r.e2eMs).toBe(8)
    expect(r.tokensPerSecond).toBe(125)
    expect(r.totalTokensPerSecond).toBe(500)
  })

  it('TPOT is the mean gap, so it equals the mean of the ITLs of its request', () => {
    const r = request(5, [10, 11, 13, 16, 20])
    expect(r.tpotMs).toBe(2.5)
    expect(r.itlMs.reduce((a, b) => a + b, 0) / r.itlMs.length).toBe(2.5)
  })

  it('refuses an empty, decreasing, negative or non-finite timeline', () => {
    expect(() => request(1, [])).toThrow(RangeError)
    expect(() => request(1, [5, 4])).toThrow(/token time 1 is 4/)
    expect(() => request(1, [-1])).toThrow(RangeError)
    expect(() => request(1, [1, Number.NaN])).toThrow(RangeError)
  })

  it('reports 0 tokens/s rather than Infinity for a zero duration', () => {
    expect(request(4, [0]).prefillTokensPerSecond).toBe(0)
    expect(request(4, [0]).tokensPerSecond).toBe(0)
  })
})

describe('pooling across requests', () => {
  const a = request(10, [20, 25, 31, 40])
  const b = request(4, [8])
  const c = request(6, [10, 12, 16])

  it('pools every inter-token gap in request order', () => {
    expect(pooledItl([a, b, c])).toEqual([5, 6, 9, 2, 4])
  })

  it('takes TPOT only from requests with two or more tokens', () => {
    expect(tpotSamples([a, b, c])).toEqual([20 / 3, 3])
  })
})

describe('tokenScaling', () => {
  it('fits TTFT on input tokens: slope in ms per token, intercept and correlation', () => {
    const reqs = [request(10, [5, 6]), request(20, [7, 9]), request(30, [9, 12])]
    expect(tokenScaling(reqs, 'ttftMs')).toEqual({ slopeMsPerToken: 0.2, interceptMs: 3, r: 1, points: 3 })
    // TPOT 1, 2, 3 ms over 10, 20, 30 input tokens
    expect(tokenScaling(reqs, 'tpotMs')).toEqual({ slopeMsPerToken: 0.1, interceptMs: 0, r: 1, points: 3 })
  })

  it('skips requests without the figure and needs two distinct prompt lengths', () => {
    expect(tokenScaling([request(10, [5]), request(10, [6])], 'ttftMs')).toBeNull()
    expect(tokenScaling([request(10, [5, 6]), request(20, [7])], 'tpotMs')).toBeNull()
    expect(tokenScaling([], 'ttftMs')).toBeNull()
  })
})

describe('generationFigures', () => {
  // two prompts (4 and 8 tokens), two passes each
  const requests = [request(4, [10, 12, 14], 0, 0), request(8, [20, 22, 24], 1, 0), request(4, [12, 15, 18], 0, 1), request(8, [22, 25, 28], 1, 1)]
  const outcomes = [
    { prompt: 'short', inputTokens: 4, tokens: [1, 2, 3], text: 'abc' },
    { prompt: 'longer prompt', inputTokens: 8, tokens: [4, 5, 6], text: 'def' },
  ]
  const g = generationFigures(outcomes, requests)

  it('summarises each prompt over its passes', () => {
    expect(g.prompts.map((p) => [p.prompt, p.inputTokens, p.outputTokens, p.text, p.ttft.n, p.ttft.mean, p.tpot?.mean, p.e2e.mean])).toEqual([
      ['short', 4, 3, 'abc', 2, 11, 2.5, 16],
      ['longer prompt', 8, 3, 'def', 2, 21, 2.5, 26],
    ])
    expect(g.prompts[0]!.tokens).toEqual([1, 2, 3])
  })

  it('summarises every request together, with the gaps pooled', () => {
    expect(g.ttft).toMatchObject({ n: 4, mean: 16, min: 10, max: 22, p50: 16 })
    expect(g.tpot).toMatchObject({ n: 4, mean: 2.5, min: 2, max: 3 })
    expect(g.itl).toMatchObject({ n: 8, mean: 2.5, min: 2, max: 3, p50: 2.5 })
    expect(g.e2e).toMatchObject({ n: 4, mean: 21, min: 14, max: 28 })
    expect(g.inputTokens).toMatchObject({ n: 4, mean: 6, min: 4, max: 8 })
    expect(g.outputTokens).toMatchObject({ n: 4, mean: 3, sd: 0 })
    expect(g.requests).toHaveLength(4)
  })

  it('fits TTFT against prompt length', () => {
    // TTFT means 11 ms at 4 tokens and 21 ms at 8: 2.5 ms per token
    expect(g.scaling.ttft).toMatchObject({ slopeMsPerToken: 2.5, interceptMs: 1, points: 4 })
    expect(g.scaling.tpot).toMatchObject({ slopeMsPerToken: 0, r: 0 })
  })

  it('has no TPOT or ITL when every request generated one token', () => {
    const single = generationFigures([outcomes[0]!], [request(4, [10], 0, 0), request(4, [12], 0, 1)])
    expect(single.tpot).toBeNull()
    expect(single.itl).toBeNull()
    expect(single.prompts[0]!.tpot).toBeNull()
    expect(single.scaling).toEqual({ ttft: null, tpot: null })
  })

  it('refuses a prompt without a measured request', () => {
    expect(() => generationFigures(outcomes, [requests[0]!])).toThrow(/prompt 1 has no measured request/)
  })
})

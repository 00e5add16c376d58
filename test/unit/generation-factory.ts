/**
 * A hand-made generation result for the unit tests of the pure core: two
 * prompts of 4 and 8 tokens, three output tokens per request, token times
 * chosen to be easy to follow by hand.
 */
import { generationFigures } from '../../src/measure/generation/summarize-generation.js'
import { requestFigures } from '../../src/metrics/token-timings.js'
import type { GenerationResult } from '../../src/types/index.js'
import { sha, TESTBED } from './entry-factory.js'

export interface GenerationFixture {
  /** Measured passes over the two prompts. @default 2 */
  runs?: number
  /** Every token time multiplied by this (3: a model three times slower). @default 1 */
  scale?: number
}

/**
 * Pass r (from 0) gives prompt 0 (4 tokens) tokens at [10, 12, 14] + r·[2, 3, 4] ms and
 * prompt 1 (8 tokens) at [20, 22, 24] + r·[2, 3, 4] ms, times `scale`. With the
 * defaults: TTFT 10, 20, 12, 22; TPOT 2, 2, 3, 3; E2E 14, 24, 18, 28; ITL four 2s and four 3s.
 */
export function generationResult({ runs = 2, scale = 1 }: GenerationFixture = {}, overrides: Partial<GenerationResult> = {}): GenerationResult {
  const requests = []
  for (let run = 0; run < runs; run++) {
    for (const [prompt, inputTokens, start] of [
      [0, 4, 10],
      [1, 8, 20],
    ] as const) {
      const times = [start + 2 * run, start + 2 + 3 * run, start + 4 + 4 * run].map((t) => t * scale)
      requests.push(requestFigures({ prompt, run, inputTokens, tokenTimesMs: times }))
    }
  }
  const outcomes = [
    { prompt: 'Hello', inputTokens: 4, tokens: [1, 2, 3], text: 'abc' },
    { prompt: 'The river ran through the valley, past the mill.', inputTokens: 8, tokens: [4, 5, 6], text: ' the mill' },
  ]
  return {
    kind: 'generation',
    model: { path: 'models/tiny-llm/model.onnx', bytes: 4321, sha256: sha('b') },
    tokenizer: 'models/tiny-llm/tokenizer.json',
    layout: 'optimum',
    loadMs: 40,
    warmupRuns: 1,
    runs,
    batchSize: 1,
    maxNewTokens: 3,
    ignoreEos: true,
    ...generationFigures(outcomes, requests),
    memory: { rssBeforeLoadMB: 100, rssAfterLoadMB: 130, peakRssMB: 160.25, peakDeltaMB: 60.25, peakSource: 'vmhwm' },
    testbed: { ...TESTBED },
    options: { prompts: 2, promptsSha256: 'abcdef012345', maxNewTokens: 3, ignoreEos: true, warmup: 1, runs, batchSize: 1 },
    window: { start: 1_700_000_000_000, end: 1_700_000_000_100 },
    ...overrides,
  }
}

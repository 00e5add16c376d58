/**
 * The pure parts of a generation sweep: prompts of a given token count, output
 * tokens per second over batches, the table, and the options refused before
 * anything is measured.
 */
import { describe, expect, it } from 'vitest'
import { scalingOf } from '../../src/compare/scaling.js'
import { PerfgateError } from '../../src/errors.js'
import { outputTokensPerSecond, promptOfTokens, type PromptTokenizer } from '../../src/measure/experiments/generation-sweep-points.js'
import { profile } from '../../src/measure/profile.js'
import { generationSweepTable } from '../../src/report/generation-sweep-table.js'
import type { GenerationResult, SweepResult } from '../../src/types/index.js'
import { generationResult } from './generation-factory.js'

/** One token per word; ids index a vocabulary that grows as words are seen. */
function wordTokenizer(): PromptTokenizer {
  const vocab: string[] = []
  return {
    encode: (text) => ({
      ids: text
        .split(' ')
        .filter(Boolean)
        .map((w) => (vocab.includes(w) ? vocab.indexOf(w) : vocab.push(w) - 1)),
    }),
    decode: (ids) => ids.map((i) => vocab[i]).join(' '),
  }
}

describe('promptOfTokens', () => {
  it('repeats the base text and cuts it to the number of tokens', () => {
    expect(promptOfTokens('a b c', 7, wordTokenizer())).toBe('a b c a b c a')
  })

  it('cuts a base text longer than asked', () => {
    expect(promptOfTokens('a b c d e', 2, wordTokenizer())).toBe('a b')
  })

  it('refuses a base text without tokens', () => {
    expect(() => promptOfTokens('  ', 4, wordTokenizer())).toThrow(RangeError)
  })
})

describe('outputTokensPerSecond', () => {
  // the fixture: 4 requests of 3 output tokens; E2E 14 and 24 ms (pass 0), 18 and 28 ms (pass 1)
  const { requests } = generationResult()

  it('one prompt per batch: every token over the sum of the E2E times', () => {
    expect(outputTokensPerSecond(requests, 1)).toBeCloseTo(12_000 / (14 + 24 + 18 + 28), 12)
  })

  it('two prompts per batch: a batch takes as long as its slowest request', () => {
    expect(outputTokensPerSecond(requests, 2)).toBeCloseTo(12_000 / (24 + 28), 12)
  })

  it('is 0 without requests', () => {
    expect(outputTokensPerSecond([], 1)).toBe(0)
  })
})

function generationSweepOf(values: number[], throughputs: number[]): SweepResult<GenerationResult> {
  const s = scalingOf(values, throughputs)
  return {
    kind: 'sweep',
    axis: 'maxNewTokens',
    axisKind: 'generation',
    points: values.map((v, i) => ({
      value: v,
      label: `maxNewTokens=${v}`,
      result: generationResult({ scale: i + 1 }),
      throughput: throughputs[i]!,
      ...s.rows[i]!,
    })),
    best: s.best,
    flattensAt: s.flattensAt,
    flatBelow: s.flatBelow,
  }
}

describe('generationSweepTable', () => {
  it('one row per point with TTFT, TPOT, E2E, output tokens/s and the scaling columns', () => {
    expect(generationSweepTable(generationSweepOf([4, 8], [100, 150]), 'tiny-gpt')).toBe(
      [
        'tiny-gpt: generation sweep over maxNewTokens, 2 points',
        '',
        'maxNewTokens  TTFT p50 ms  TTFT p95 ms  TPOT p50 ms  E2E p50 ms  output tokens/s  speedup  efficiency  step gain',
        '------------  -----------  -----------  -----------  ----------  ---------------  -------  ----------  ---------',
        '4                    16.0         21.7         2.50        21.0              100    1.00x        100%          -',
        '8                    32.0         43.4         5.00        42.0              150    1.50x         75%        50%',
        '',
        'Scaling does not flatten within the sweep (every step bought at least 20% of the ideal gain).',
        'Highest throughput: maxNewTokens=8, 150 output tokens/s.',
      ].join('\n'),
    )
  })
})

describe('profile.sweep with generate options: refused before measuring', () => {
  const generate = { prompts: ['Hello'] }
  const codeOf = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as PerfgateError).code

  it('an axis that is not a generation axis', async () => {
    await expect(codeOf(profile.sweep('bench/models/tiny-gpt', { generate, over: { batch: [1, 2] } as never }))).resolves.toBe('SWEEP_AXIS_INVALID')
  })

  it('a value that is not an integer >= 1', async () => {
    await expect(codeOf(profile.sweep('bench/models/tiny-gpt', { generate, over: { maxNewTokens: [4, 0] } }))).resolves.toBe('SWEEP_AXIS_INVALID')
  })

  it('two axes at once', async () => {
    await expect(codeOf(profile.sweep('bench/models/tiny-gpt', { generate, over: { maxNewTokens: [4], batchSize: [1] } }))).resolves.toBe('SWEEP_AXIS_INVALID')
  })

  it('no prompts', async () => {
    await expect(codeOf(profile.sweep('bench/models/tiny-gpt', { generate: { prompts: [] }, over: { maxNewTokens: [4] } }))).resolves.toBe('PROMPTS_EMPTY')
  })
})

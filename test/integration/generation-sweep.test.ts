/**
 * profile.sweep over generation options on the project's own tiny-gpt decoder:
 * every point is a full profile.generate, the axis value reaches it, and the
 * throughput is the output tokens per second. The only timing asserted is the
 * direction of a big step (4 vs 32 new tokens: E2E grows), on the fastest
 * request of each point, which a busy machine can only make slower.
 */
import { describe, expect, it } from 'vitest'
import { profile } from '../../src/measure/profile.js'

const TINY_GPT = 'bench/models/tiny-gpt'
const PROMPTS = ['The river ran through the valley, past the mill.', 'Once upon a time there lived an old miller.']
const QUICK = { prompts: PROMPTS, maxNewTokens: 4, runs: 2, warmup: 0, session: { intraOpNumThreads: 1 } } as const

describe('profile.sweep with generate options', () => {
  it('maxNewTokens 4 vs 32: one generation per point, E2E grows, throughput is output tokens/s', async () => {
    const s = await profile.sweep(TINY_GPT, { generate: QUICK, over: { maxNewTokens: [4, 32] } })
    expect(s.axisKind).toBe('generation')
    expect(s.points.map((p) => p.label)).toEqual(['maxNewTokens=4', 'maxNewTokens=32'])
    const [four, many] = s.points.map((p) => p.result)
    expect(four!.kind).toBe('generation')
    expect(four!.outputTokens.p50).toBe(4)
    expect(many!.outputTokens.p50).toBe(32)
    // to flip this, every 4-token request would have to be delayed by more than 28 tokens' time
    expect(many!.e2e.min).toBeGreaterThan(four!.e2e.min)
    for (const p of s.points) {
      const busyMs = p.result.requests.reduce((sum, r) => sum + r.e2eMs, 0)
      expect(p.throughput).toBeCloseTo((p.result.requests.length * p.result.maxNewTokens * 1000) / busyMs, 6)
    }
    expect(s.points[1]!.factor).toBe(8)
  })

  it('promptTokens: prompts of about that many tokens, built from the prompts given', async () => {
    const s = await profile.sweep(TINY_GPT, { generate: QUICK, over: { promptTokens: [8, 32] } })
    const [short, long] = s.points.map((p) => p.result)
    for (const t of short!.prompts.map((p) => p.inputTokens)) expect(Math.abs(t - 8)).toBeLessThanOrEqual(2)
    for (const t of long!.prompts.map((p) => p.inputTokens)) expect(Math.abs(t - 32)).toBeLessThanOrEqual(2)
  })

  it('batchSize 1 vs 2: the batch size reaches the generation', async () => {
    const s = await profile.sweep(
      { model: `${TINY_GPT}/model.onnx`, tokenizer: `${TINY_GPT}/tokenizer.json` },
      { generate: QUICK, over: { batchSize: [1, 2] } },
    )
    expect(s.points.map((p) => p.result.batchSize)).toEqual([1, 2])
    expect(s.points.map((p) => p.result.requests.length)).toEqual([4, 4])
  })
})

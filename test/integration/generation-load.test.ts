/**
 * profile.load with a generation job on the project's tiny-gpt decoder: each
 * request is one generation of one prompt in a worker with its own session.
 * Asserted: no errors, the counts add up (every request reports its TTFT and
 * its output tokens; output tokens/s is those tokens over the level's wall
 * time), and each level stops within its duration plus a grace. No timing
 * threshold.
 */
import { describe, expect, it } from 'vitest'
import { PerfgateError } from '../../src/errors.js'
import { profile } from '../../src/measure/profile.js'
import { loadTable } from '../../src/report/load-table.js'

const TINY_GPT = 'bench/models/tiny-gpt'
const PROMPTS = ['The river ran through the valley, past the mill.', 'Hello world']
/** Slack for a level's end on a loaded machine: a generation in flight, a late timer. */
const SLACK_MS = 1500

describe('profile.load with generate options', () => {
  it('concurrency 1 and 2: no errors, counts add up, token figures per level, stops on time', async () => {
    const durationMs = 400
    const t0 = Date.now()
    const r = await profile.load(TINY_GPT, { generate: { prompts: PROMPTS, maxNewTokens: 4 }, concurrency: [1, 2], durationMs, warmup: 1 })
    const took = Date.now() - t0
    expect(r.target).toBe(TINY_GPT)
    expect(r.workerLoadMs).toHaveLength(2)
    for (const l of r.levels) {
      expect(l.errors, l.errorMessages.join('\n')).toBe(0)
      expect(l.requests).toBeGreaterThan(0)
      expect(l.wallMs).toBeLessThan(durationMs + SLACK_MS)
      const e = l.extra!
      expect(e.ttftMs!.n).toBe(l.requests)
      expect(e.tpotMs!.n).toBe(l.requests)
      expect(e.outputTokens!.min).toBe(4)
      expect(e.outputTokens!.max).toBe(4)
      expect(l.outputTokensPerSecond).toBeCloseTo((4 * l.requests) / (l.wallMs / 1000), 6)
      expect(e.ttftMs!.p50).toBeLessThanOrEqual(l.latency!.p50)
    }
    // two levels and the workers' start, each bounded
    expect(took).toBeLessThan(2 * (durationMs + SLACK_MS) + 10_000)
    expect(loadTable(r)).toMatch(/output tokens\/s\s+TTFT p50 ms\s+TTFT p95 ms\s+TPOT p50 ms\s+TPOT p95 ms\s+SLO/)
  })

  it('refuses a function target and checks prompts before starting workers', async () => {
    const codeOf = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as PerfgateError).code
    await expect(codeOf(profile.load(() => 1, { generate: { prompts: PROMPTS } }))).resolves.toBe('OPTION_INVALID')
    await expect(codeOf(profile.load(TINY_GPT, { generate: { prompts: [] } }))).resolves.toBe('PROMPTS_EMPTY')
    await expect(codeOf(profile.load(TINY_GPT, { generate: { prompts: PROMPTS, maxNewTokens: 100_000 } }))).resolves.toBe('GENERATION_TOO_LONG')
  })
})

/**
 * profile.load with a generation job on the project's tiny-gpt decoder: each
 * request is one generation of one prompt in a worker with its own session.
 * Asserted: no errors, the counts add up (every request reports its TTFT and
 * its output tokens; output tokens/s is those tokens over the level's wall
 * time), and each level stops within its duration plus the generation in
 * flight (an invariant of the loop, however busy the machine). No timing
 * threshold.
 */
import { describe, expect, it } from 'vitest'
import { PerfgateError } from '../../src/errors.js'
import { profile } from '../../src/measure/profile.js'
import { loadTable } from '../../src/report/load-table.js'

const TINY_GPT = 'bench/models/tiny-gpt'
const PROMPTS = ['The river ran through the valley, past the mill.', 'Hello world']
/** Rounding of epoch ms taken in different threads. */
const EPS_MS = 0.01

describe('profile.load with generate options', () => {
  it('concurrency 1 and 2: no errors, counts add up, token figures per level, stops on time', async () => {
    const durationMs = 400
    const r = await profile.load(TINY_GPT, { generate: { prompts: PROMPTS, maxNewTokens: 4 }, concurrency: [1, 2], durationMs, warmup: 1 })
    expect(r.target).toBe(TINY_GPT)
    expect(r.workerLoadMs).toHaveLength(2)
    for (const l of r.levels) {
      expect(l.errors, l.errorMessages.join('\n')).toBe(0)
      expect(l.requests).toBeGreaterThan(0)
      // no generation starts after the duration is up; the one in flight ends the level
      expect(l.wallMs).toBeLessThanOrEqual(durationMs + l.latency!.max + EPS_MS)
      const e = l.extra!
      expect(e.ttftMs!.n).toBe(l.requests)
      expect(e.tpotMs!.n).toBe(l.requests)
      expect(e.outputTokens!.min).toBe(4)
      expect(e.outputTokens!.max).toBe(4)
      expect(l.outputTokensPerSecond).toBeCloseTo((4 * l.requests) / (l.wallMs / 1000), 6)
      expect(e.ttftMs!.p50).toBeLessThanOrEqual(l.latency!.p50)
    }
    expect(loadTable(r)).toMatch(/output tokens\/s\s+TTFT p50 ms\s+TTFT p95 ms\s+TPOT p50 ms\s+TPOT p95 ms\s+SLO/)
  })

  it('refuses a function target and checks prompts before starting workers', async () => {
    const codeOf = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as PerfgateError).code
    await expect(codeOf(profile.load(() => 1, { generate: { prompts: PROMPTS } }))).resolves.toBe('OPTION_INVALID')
    await expect(codeOf(profile.load(TINY_GPT, { generate: { prompts: [] } }))).resolves.toBe('PROMPTS_EMPTY')
    await expect(codeOf(profile.load(TINY_GPT, { generate: { prompts: PROMPTS, maxNewTokens: 100_000 } }))).resolves.toBe('GENERATION_TOO_LONG')
  })
})

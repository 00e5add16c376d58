/**
 * profile.load(url) against `perfgate serve` on the embedded decoder, over real HTTP: closed and open loop
 * levels with their figures, goodput under per-request bounds, 429s from a full queue as failed requests
 * with their reason, and the open loop's clock starting at the scheduled time (a server that serves one
 * request at a time, offered more than it can take, makes late requests wait tens of times longer than
 * one request takes). No other timing is asserted.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MODELS_DIR } from '../../bench/models/generate.js'
import { profile } from '../../src/measure/profile.js'
import { startServer, type RunningServer } from '../../src/serve/completion-server.js'
import { loadServedModel, type ServedModel } from '../../src/serve/served-model.js'
import { loadTable } from '../../src/report/load-table.js'
import type { EndpointUrl } from '../../src/measure/endpoint/endpoint-options.js'
import { PerfgateError } from '../../src/errors.js'

const generate = { model: 'tiny-gpt', prompts: ['Hello', 'The quick brown fox'], maxNewTokens: 4 }
let model: ServedModel
const servers: RunningServer[] = []
const serve = async (o: Parameters<typeof startServer>[1]) => {
  const s = await startServer(model, { port: 0, ...o })
  servers.push(s)
  return s.url as EndpointUrl
}
beforeAll(async () => {
  model = await loadServedModel(join(MODELS_DIR, 'tiny-gpt'))
})
afterAll(async () => {
  for (const s of servers) await s.close()
  await model?.close()
})

describe('profile.load(url)', () => {
  it('runs closed-loop levels with requests/s, output tokens/s, TTFT/TPOT/E2E and goodput', async () => {
    const url = await serve({})
    const r = await profile.load(url, { generate, concurrency: [1, 2], durationMs: 500, slo: { ttftMs: 60_000, tpotMs: 60_000 } })
    expect(r.kind).toBe('load')
    expect(r.target).toBe(url)
    expect(r.testbed.endpoint).toMatchObject({ model: 'tiny-gpt', servedModel: 'tiny-gpt', server: 'perfgate' })
    expect(r.levels.map((l) => [l.concurrency, l.offeredRate, l.errors])).toEqual([
      [1, null, 0],
      [2, null, 0],
    ])
    for (const l of r.levels) {
      expect(l.requests).toBeGreaterThan(0)
      expect(l.outputTokensPerSecond).toBeCloseTo((l.requests * 4 * 1000) / l.wallMs, 6)
      expect(l.extra!.outputTokens!.mean).toBe(4)
      expect(l.extra!.ttftMs!.n).toBe(l.requests)
      expect(l.extra!.tpotMs!.n).toBe(l.requests)
      expect(l.latency!.p50).toBeGreaterThanOrEqual(l.extra!.ttftMs!.p50) // E2E >= TTFT, request by request
      // generous bounds: every request is good
      expect([l.attainment, l.goodPerSecond, l.meetsSlo]).toEqual([1, l.okPerSecond, true])
    }
    expect(r.goodput).toBe(Math.max(...r.levels.map((l) => l.goodPerSecond!)))
    expect(loadTable(r)).toContain('good/s')
  })

  it('counts a full queue’s 429s as failed requests with their reason', async () => {
    const url = await serve({ queue: 0, delayPerTokenMs: 10 })
    const r = await profile.load(url, { generate, concurrency: [3], durationMs: 400, warmup: 0 })
    const [level] = r.levels
    expect(level!.errors).toBeGreaterThan(0)
    expect(level!.errorMessages[0]).toMatch(/^rate limited \(Retry-After 1 s\).*busy.* \(\d+\)$/)
    expect(level!.meetsSlo).toBe(false)
    expect(r.sustainable).toBeNull()
  })

  it('starts an open-loop request’s clock at its scheduled time: offered more than it serves, the late ones count their wait', async () => {
    // one request at a time, ~4 x 25 ms each: about 10 requests/s at most; 40 offered for 1 s
    const url = await serve({ queue: 100, delayPerTokenMs: 25 })
    const r = await profile.load(url, { generate, rate: [40], durationMs: 1000, warmup: 0, seed: 5 })
    const [level] = r.levels
    expect(level!.offeredRate).toBe(40)
    expect(level!.errors).toBe(0)
    expect(level!.concurrency).toBeGreaterThan(10) // requests in flight at the peak
    // the last requests waited behind the others for most of a second (and more); alone one takes ~100 ms
    expect(level!.extra!.ttftMs!.max).toBeGreaterThan(10 * level!.extra!.ttftMs!.min)
    expect(loadTable(r)).toContain('open loop at 40 requests/s')
  })

  it('searches for the most concurrency that meets the SLO, stopping where it is missed', async () => {
    const url = await serve({ queue: 0 })
    // a queue of 0: concurrency 1 never gets a 429, 2 does
    const r = await profile.load(url, { generate, concurrency: [1], findMax: true, durationMs: 300, warmup: 0 })
    expect(r.maxLoad).toMatchObject({ by: 'concurrency', best: 1 })
    expect(r.levels.map((l) => l.concurrency)).toEqual([1, 2])
    expect(loadTable(r)).toContain('Maximum sustainable load: concurrency 1')
  })

  it('sweeps maxNewTokens and the prompt length against the server, refusing the local batchSize axis', async () => {
    const url = await serve({})
    const base = { ...generate, api: 'completions' as const, runs: 2, warmup: 0 }
    const tokens = await profile.sweep(url, { generate: base, over: { maxNewTokens: [2, 6] } })
    expect(tokens.points.map((p) => [p.label, p.result.maxNewTokens, p.result.prompts.map((q) => q.outputTokens)])).toEqual([
      ['maxNewTokens=2', 2, [2, 2]],
      ['maxNewTokens=6', 6, [6, 6]],
    ])
    expect(tokens.points[0]!.result.testbed.endpoint?.servedModel).toBe('tiny-gpt')
    const length = await profile.sweep(url, { generate: { ...base, tokenizer: join(MODELS_DIR, 'tiny-gpt') }, over: { promptTokens: [8, 32] } })
    const [short, long] = length.points.map((p) => p.result)
    for (const t of short!.prompts.map((p) => p.inputTokens)) expect(Math.abs(t - 8)).toBeLessThanOrEqual(2)
    for (const t of long!.prompts.map((p) => p.inputTokens)) expect(Math.abs(t - 32)).toBeLessThanOrEqual(2)
    await expect(profile.sweep(url, { generate: base, over: { promptTokens: [8] } })).rejects.toThrow(/generate\.tokenizer/)
    await expect(profile.sweep(url, { generate: base, over: { batchSize: [1, 2] } as never })).rejects.toThrow(
      /over\.batchSize is not an axis of a sweep against a server/,
    )
  })

  it('refuses options it cannot honour, naming them', async () => {
    const url = 'http://127.0.0.1:9/v1'
    await expect(profile.load(url, { generate, concurrency: [1], rate: [2] })).rejects.toThrow(/Invalid option rate.*either concurrency/)
    await expect(profile.load(url, { generate, rate: [0] })).rejects.toBeInstanceOf(PerfgateError)
    await expect(profile.load(url, { generate, slo: { ttft: 5 } as never })).rejects.toThrow(/slo\.ttft/)
    await expect(profile.load(url, { generate: { prompts: ['x'] } as never })).rejects.toThrow(/generate/)
  })
})

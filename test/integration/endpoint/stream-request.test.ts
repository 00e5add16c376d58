/**
 * Measurement truth of one streamed request against a scripted server with known delays (80 ms to the
 * first token, then 15 ms per token, 16 tokens): TTFT, TPOT and E2E within 5% (or 2 ms) of when the
 * server actually wrote the chunks (its log, on the same clock), at concurrency 1 and 4, with and without
 * a usage chunk, with events split across reads and several events per read. The server's own write
 * times are the truth, so a busy machine that delays the server does not fail the test; one that delays
 * the delivery of a chunk by more than the allowance can, so each case gets up to three tries.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { streamRequest } from '../../../src/measure/endpoint/stream-request.js'
import type { EndpointRequest, RequestRecord } from '../../../src/types/endpoint.js'
import { startScriptedServer, type Script, type ScriptedServer } from '../../helpers/scripted-server.js'

const SCRIPT: Script = { firstTokenMs: 80, perTokenMs: 15, tokens: 16 }
const TIMEOUTS = { connectMs: 5_000, firstTokenMs: 10_000, totalMs: 20_000 }

let server: ScriptedServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

function request(url: string, prompt: string, extra: Partial<EndpointRequest> = {}): EndpointRequest {
  return { url, api: 'chat', model: 'scripted-model', prompt, maxNewTokens: 16, ignoreEos: true, timeouts: TIMEOUTS, ...extra }
}

const within = (measured: number, truth: number) => Math.abs(measured - truth) <= Math.max(2, 0.05 * truth)

/** The differences of one record from the server's log; empty when every figure is within 5% or 2 ms. */
function misses(rec: RequestRecord, s: ScriptedServer, prompt: string, tokens: number): string[] {
  const served = s.requests.find((r) => (r.body.messages as { content: string }[] | undefined)?.[0]?.content === prompt || r.body.prompt === prompt)!
  const w = served.contentWrites
  const truth = { ttft: w[0]! - rec.scheduledAt, e2e: w[w.length - 1]! - rec.scheduledAt, tpot: (w[w.length - 1]! - w[0]!) / (tokens - 1) }
  const tpot = (rec.e2eMs! - rec.ttftMs!) / (rec.outputTokens - 1)
  const out: string[] = []
  if (!within(rec.ttftMs!, truth.ttft)) out.push(`ttft ${rec.ttftMs} vs ${truth.ttft}`)
  if (!within(rec.e2eMs!, truth.e2e)) out.push(`e2e ${rec.e2eMs} vs ${truth.e2e}`)
  if (!within(tpot, truth.tpot)) out.push(`tpot ${tpot} vs ${truth.tpot}`)
  return out
}

async function measured(script: Script, concurrency: number, api: 'chat' | 'completions' = 'chat'): Promise<{ records: RequestRecord[]; misses: string[] }> {
  let last: string[] = []
  let records: RequestRecord[] = []
  for (let attempt = 0; attempt < 3; attempt++) {
    await server?.close()
    const s = await startScriptedServer(script)
    server = s
    const prompts = Array.from({ length: concurrency }, (_, i) => `prompt ${i}`)
    records = await Promise.all(prompts.map((p) => streamRequest(request(s.url, p, { api }))))
    for (const r of records) expect(r, r.reason).toMatchObject({ status: 'ok' })
    last = records.flatMap((r, i) => misses(r, s, prompts[i]!, script.tokens))
    if (last.length === 0) break
  }
  return { records, misses: last }
}

describe('a streamed request is measured as the server sent it', () => {
  const cases: [string, Script][] = [
    ['with a usage chunk', SCRIPT],
    ['without a usage chunk', { ...SCRIPT, usage: false }],
    ['events split across reads', { ...SCRIPT, splitEvents: true }],
    ['several events per read', { ...SCRIPT, eventsPerWrite: 4 }],
  ]
  for (const concurrency of [1, 4]) {
    for (const [name, script] of cases) {
      it(`${name}, concurrency ${concurrency}`, async () => {
        const { records, misses: m } = await measured(script, concurrency)
        expect(m).toEqual([])
        for (const r of records) {
          expect(r.contentChunks).toBe(16)
          expect(r.outputTokens).toBe(16)
          expect(r.tokenSource).toBe(script.usage === false ? 'chunks-estimate' : 'usage')
          expect(r.itlMs).toHaveLength(15)
          // the role-only chunk comes at once and the first content after the script's 80 ms: a TTFT below half of
          // that was measured from the role chunk (half, since a timer may fire a fraction of a millisecond early)
          expect(r.ttftMs).toBeGreaterThanOrEqual(40)
          expect(r.text).toBe(Array.from({ length: 16 }, (_, i) => ` t${i}`).join(''))
          expect(r.server).toEqual({ model: 'scripted-model', systemFingerprint: 'fp_test', serverHeader: 'scripted/1.0' })
        }
      })
    }
  }

  it('the completions API too', async () => {
    const { records, misses: m } = await measured(SCRIPT, 1, 'completions')
    expect(m).toEqual([])
    expect(records[0]!.outputTokens).toBe(16)
  })

  it('many requests over kept-alive connections leave no listener behind', async () => {
    const warnings: string[] = []
    const onWarning = (w: Error) => warnings.push(w.message)
    process.on('warning', onWarning)
    try {
      server = await startScriptedServer({ firstTokenMs: 1, perTokenMs: 0, tokens: 2 })
      for (let i = 0; i < 15; i++) expect((await streamRequest(request(server.url, `p${i}`))).status).toBe('ok')
      await new Promise((r) => setImmediate(r))
    } finally {
      process.off('warning', onWarning)
    }
    expect(warnings).toEqual([])
  })
})

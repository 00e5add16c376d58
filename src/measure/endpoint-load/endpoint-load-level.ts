/**
 * One level of an endpoint load test, and its requests turned into the level's samples.
 *
 * - Closed loop: `concurrency` loops send requests back to back; each request is scheduled when its loop
 *   sends it.
 * - Open loop: requests arrive at the times of a seeded arrival schedule (Poisson, or gamma with
 *   burstiness), however many are in flight; each request's clock starts at its scheduled time, which
 *   is passed to the client, so that a request the client could not send on time counts its wait.
 */
import { arrivalSchedule } from '../../stats/arrivals.js'
import type { LevelSamples } from '../../compare/slo.js'
import { meetsRequestSlo } from '../../compare/slo.js'
import type { LoadSlo, RequestRecord } from '../../types/index.js'

/** Sends one request for a prompt, scheduled at `scheduledAt` on `clock`. */
export type SendRequest = (prompt: string, scheduledAt: number) => Promise<RequestRecord>

export interface LevelPlan {
  prompts: readonly string[]
  durationMs: number
  maxRequests: number
  slo: LoadSlo | null
  clock: () => number
}

/** A request as the level saw it: its record and when it ended on the level's clock. */
interface Done {
  rec: RequestRecord
  end: number
}

const sleepUntil = (t: number, clock: () => number) => new Promise<void>((r) => setTimeout(r, Math.max(0, t - clock())))

export async function closedLoopLevel(send: SendRequest, concurrency: number, p: LevelPlan): Promise<LevelSamples> {
  const start = p.clock()
  const deadline = start + p.durationMs
  const done: Done[] = []
  let sent = 0
  const loop = async () => {
    while (p.clock() < deadline && sent < p.maxRequests) {
      const prompt = p.prompts[sent++ % p.prompts.length]!
      const rec = await send(prompt, p.clock())
      done.push({ rec, end: p.clock() })
    }
  }
  const cpu0 = process.cpuUsage()
  await Promise.all(Array.from({ length: concurrency }, loop))
  return levelSamples(done, { concurrency, offeredRate: null, start, cpu: process.cpuUsage(cpu0), p })
}

export async function openLoopLevel(send: SendRequest, rate: number, burstiness: number, seed: number, p: LevelPlan): Promise<LevelSamples> {
  const schedule = arrivalSchedule(rate, p.durationMs, { burstiness, seed, maxRequests: p.maxRequests })
  // a little ahead, so that the first arrival is not already late
  const start = p.clock() + 5
  let inFlight = 0
  let peak = 0
  const cpu0 = process.cpuUsage()
  const done = await Promise.all(
    schedule.map(async (at, i): Promise<Done> => {
      await sleepUntil(start + at, p.clock)
      peak = Math.max(peak, ++inFlight)
      const rec = await send(p.prompts[i % p.prompts.length]!, start + at)
      inFlight--
      return { rec, end: p.clock() }
    }),
  )
  return levelSamples(done, { concurrency: peak, offeredRate: rate, start, cpu: process.cpuUsage(cpu0), p })
}

/** The most distinct failure reasons kept per level, each with its count. */
const KEEP_REASONS = 5

/** Failure reasons with their counts, most frequent first: `http 429: ... (12)`. */
export function reasonCounts(records: readonly RequestRecord[]): string[] {
  const counts = new Map<string, number>()
  for (const r of records) if (r.status === 'failed') counts.set(r.reason ?? 'failed', (counts.get(r.reason ?? 'failed') ?? 0) + 1)
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, KEEP_REASONS)
    .map(([reason, n]) => `${reason} (${n})`)
}

function levelSamples(
  done: readonly Done[],
  at: { concurrency: number; offeredRate: number | null; start: number; cpu: NodeJS.CpuUsage; p: LevelPlan },
): LevelSamples {
  const ok = done.filter((d) => d.rec.status === 'ok' && d.rec.ttftMs !== null && d.rec.e2eMs !== null)
  const extra: Record<string, number[]> = { ttftMs: [], tpotMs: [], outputTokens: [], itlMs: [] }
  let good = 0
  for (const { rec } of ok) {
    const ttftMs = rec.ttftMs!
    const e2eMs = rec.e2eMs!
    const tpotMs = rec.outputTokens > 1 ? (e2eMs - ttftMs) / (rec.outputTokens - 1) : null
    extra.ttftMs!.push(ttftMs)
    if (tpotMs !== null) extra.tpotMs!.push(tpotMs)
    extra.outputTokens!.push(rec.outputTokens)
    extra.itlMs!.push(...rec.itlMs)
    if (meetsRequestSlo({ ttftMs, tpotMs, e2eMs }, at.p.slo)) good++
  }
  const lastEnd = Math.max(at.start, ...done.map((d) => d.end))
  return {
    concurrency: at.concurrency,
    offeredRate: at.offeredRate,
    latencies: ok.map((d) => d.rec.e2eMs!),
    errors: done.length - ok.length,
    errorMessages: reasonCounts(done.map((d) => d.rec)),
    missed: 0,
    wallMs: done.length > 0 ? lastEnd - at.start : at.p.durationMs,
    cpuMs: (at.cpu.user + at.cpu.system) / 1000,
    extra,
    good,
  }
}

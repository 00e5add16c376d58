/**
 * The figures of one load-test level from its raw requests, whether it met
 * the latency objective, and the sustainable level (goodput). Pure.
 *
 * - requests/s = completed requests (ok or failed) / the level's wall time;
 *   ok/s the same for successful ones only;
 * - latency percentiles over successful requests;
 * - a level meets the SLO when every bound given holds (`p95: 50` means the
 *   95th percentile is at most 50 ms), its error rate is at most
 *   `slo.errorRate` (default 0), and (open loop) no scheduled request was
 *   left unstarted when its time was up: a level that falls behind its
 *   offered rate is not sustaining it. Without an SLO only the last two apply;
 * - with per-request bounds (`ttftMs`, `tpotMs`, `e2eMs`: an endpoint load
 *   test), a request is good when it succeeded and meets every bound, and a
 *   level meets the SLO only when at least `slo.attainment` (default 0.9) of
 *   its requests are good; its goodput is good requests per second;
 * - the sustainable level is the one with the most ok (or good) requests per
 *   second among those that meet it (the lower concurrency on a tie); that
 *   rate is the goodput.
 */
import { summarize } from '../stats/index.js'
import type { Distribution, LoadLevel, LoadSlo } from '../types/index.js'

/** What a level's drivers measured. */
export interface LevelSamples {
  concurrency: number
  offeredRate: number | null
  /** Latency of each successful request, ms. */
  latencies: readonly number[]
  errors: number
  errorMessages: readonly string[]
  missed: number
  wallMs: number
  cpuMs: number
  /** Extra per-request figures by name (e.g. a generation's ttftMs), successful requests only. */
  extra?: Readonly<Record<string, readonly number[]>>
  /** With per-request SLO bounds: the requests that were good (see meetsRequestSlo). */
  good?: number
}

/** The least share of good requests a level needs when the SLO has per-request bounds. */
export const DEFAULT_ATTAINMENT = 0.9

/** Whether the SLO has per-request bounds. */
export function hasRequestBounds(slo: LoadSlo | null): boolean {
  return slo !== null && (slo.ttftMs !== undefined || slo.tpotMs !== undefined || slo.e2eMs !== undefined)
}

/** Whether one successful request meets every per-request bound (a request without a TPOT, one token, meets that bound). */
export function meetsRequestSlo(r: { ttftMs: number; tpotMs: number | null; e2eMs: number }, slo: LoadSlo | null): boolean {
  if (!slo) return true
  if (slo.ttftMs !== undefined && r.ttftMs > slo.ttftMs) return false
  if (slo.tpotMs !== undefined && r.tpotMs !== null && r.tpotMs > slo.tpotMs) return false
  return slo.e2eMs === undefined || r.e2eMs <= slo.e2eMs
}

export const SLO_PERCENTILES = ['p50', 'p90', 'p95', 'p99'] as const

function distribution(xs: readonly number[]): Distribution {
  const s = summarize(xs)
  return { n: s.n, mean: s.mean, sd: s.sd, min: s.min, max: s.max, p50: s.p50, p90: s.p90, p95: s.p95, p99: s.p99, cv: s.cv }
}

const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3))

/** Why a level misses the SLO; empty when it meets it. */
export function sloViolations(latency: Distribution | null, errorRate: number, missed: number, slo: LoadSlo | null): string[] {
  const out: string[] = []
  for (const p of SLO_PERCENTILES) {
    const bound = slo?.[p]
    if (bound === undefined) continue
    if (!latency) out.push(`${p}: no successful request`)
    else if (latency[p] > bound) out.push(`${p} ${fmt(latency[p])} ms > ${bound} ms`)
  }
  const maxErrors = slo?.errorRate ?? 0
  if (errorRate > maxErrors) out.push(`error rate ${(errorRate * 100).toFixed(1)}% > ${+(maxErrors * 100).toFixed(4)}%`)
  if (missed > 0) out.push(`${missed} scheduled request${missed === 1 ? '' : 's'} never started`)
  return out
}

export function levelFigures(s: LevelSamples, slo: LoadSlo | null): LoadLevel {
  const ok = s.latencies.length
  const requests = ok + s.errors
  const seconds = s.wallMs / 1000
  const errorRate = requests > 0 ? s.errors / requests : 0
  const latency = ok > 0 ? distribution(s.latencies) : null
  const violations = sloViolations(latency, errorRate, s.missed, slo)
  const level: LoadLevel = {
    concurrency: s.concurrency,
    offeredRate: s.offeredRate,
    requests,
    errors: s.errors,
    errorRate,
    missed: s.missed,
    requestsPerSecond: seconds > 0 ? requests / seconds : 0,
    okPerSecond: seconds > 0 ? ok / seconds : 0,
    latency,
    wallMs: s.wallMs,
    cpuMs: s.cpuMs,
    meetsSlo: violations.length === 0,
    sloViolations: violations,
    errorMessages: [...s.errorMessages],
  }
  const extra = Object.entries(s.extra ?? {}).filter(([, xs]) => xs.length > 0)
  if (extra.length > 0) level.extra = Object.fromEntries(extra.map(([k, xs]) => [k, distribution(xs)]))
  // a generation's requests report their output tokens: the level's token throughput over the same wall time
  const outputTokens = s.extra?.outputTokens
  if (outputTokens) level.outputTokensPerSecond = seconds > 0 ? outputTokens.reduce((a, b) => a + b, 0) / seconds : 0
  if (s.good !== undefined && hasRequestBounds(slo)) attain(level, s.good, seconds, slo!)
  return level
}

/** Adds goodput and attainment to a level, and the violation when too few of its requests were good. */
function attain(level: LoadLevel, good: number, seconds: number, slo: LoadSlo): void {
  level.goodPerSecond = seconds > 0 ? good / seconds : 0
  level.attainment = level.requests > 0 ? good / level.requests : 0
  const least = slo.attainment ?? DEFAULT_ATTAINMENT
  if (level.attainment < least) {
    level.sloViolations.push(`${(level.attainment * 100).toFixed(1)}% of requests within the TTFT/TPOT/E2E bounds < ${+(least * 100).toFixed(4)}%`)
    level.meetsSlo = false
  }
}

/** The sustainable level and its goodput. */
export function sustainableLevel(levels: readonly LoadLevel[]): { index: number | null; goodput: number } {
  let index: number | null = null
  const rate = (l: LoadLevel) => l.goodPerSecond ?? l.okPerSecond
  levels.forEach((l, i) => {
    if (!l.meetsSlo) return
    const best = index === null ? undefined : levels[index]!
    if (!best || rate(l) > rate(best) || (rate(l) === rate(best) && l.concurrency < best.concurrency)) index = i
  })
  return { index, goodput: index === null ? 0 : rate(levels[index]!) }
}

/**
 * One load generator's loop for one level: from `startAt` until
 * `startAt + durationMs` (epoch ms, the same clock in every thread), at most
 * `maxRequests` requests.
 *
 * - Closed loop (`intervalMs` null): requests back to back; latency is the
 *   request's own time.
 * - Open loop: request k is due at `startAt + offsetMs + k * intervalMs`.
 *   When the loop is behind (the previous request ended after this one was
 *   due), latency counts from when it was due, so time spent waiting behind a
 *   slow request counts (no coordinated omission); when it is ahead, it sleeps
 *   until then and latency counts from the start, so the timer's own
 *   millisecond granularity does not. Requests still due when the time is up
 *   are counted as `missed`, not run: the loop always ends on time, plus at
 *   most the request in flight.
 */

/** What a request may report besides its latency (e.g. a generation's ttftMs). */
export type RequestExtra = Record<string, number> | void

export interface LoopPlan {
  startAt: number
  durationMs: number
  /** ms between this loop's requests in open loop; null for closed loop. */
  intervalMs: number | null
  offsetMs: number
  maxRequests: number
}

export interface LoopOutcome {
  latencies: number[]
  errors: number
  errorMessages: string[]
  missed: number
  /** When the last request ended (epoch ms); startAt when none ran. */
  lastEnd: number
  extra: Record<string, number[]>
}

/** Error messages kept per loop. */
const KEEP_MESSAGES = 3

/** Epoch ms with sub-ms precision, comparable across worker threads. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now()
}

function sleepUntil(t: number): Promise<void> {
  const wait = t - epochNow()
  return wait > 0 ? new Promise((r) => setTimeout(r, wait)) : Promise.resolve()
}

/** The loop's clock (epoch ms); tests pass a virtual one so that the loop's logic is checked exactly. */
export interface LoopClock {
  now(): number
  sleepUntil(t: number): Promise<void>
}

const REAL_CLOCK: LoopClock = { now: epochNow, sleepUntil }

export async function runRequestLoop(request: () => Promise<RequestExtra> | RequestExtra, plan: LoopPlan, clock: LoopClock = REAL_CLOCK): Promise<LoopOutcome> {
  const out: LoopOutcome = { latencies: [], errors: 0, errorMessages: [], missed: 0, lastEnd: plan.startAt, extra: {} }
  const deadline = plan.startAt + plan.durationMs
  await clock.sleepUntil(plan.startAt + (plan.intervalMs === null ? 0 : plan.offsetMs))
  for (let k = 0; out.latencies.length + out.errors < plan.maxRequests; k++) {
    let from: number
    if (plan.intervalMs === null) {
      from = clock.now()
      if (from >= deadline) break
    } else {
      const due = plan.startAt + plan.offsetMs + k * plan.intervalMs
      if (due >= deadline) break
      const behind = clock.now() >= due
      if (!behind) await clock.sleepUntil(due)
      const now = clock.now()
      if (now >= deadline) {
        out.missed += Math.ceil((deadline - due) / plan.intervalMs)
        break
      }
      from = behind ? due : now
    }
    try {
      const extra = await request()
      const end = clock.now()
      out.latencies.push(end - from)
      out.lastEnd = end
      if (extra) for (const [key, v] of Object.entries(extra)) (out.extra[key] ??= []).push(v)
    } catch (err) {
      out.lastEnd = clock.now()
      out.errors++
      if (out.errorMessages.length < KEEP_MESSAGES) out.errorMessages.push(err instanceof Error ? err.message : String(err))
    }
  }
  return out
}

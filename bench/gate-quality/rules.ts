/**
 * The rules the benchmark scores: perfgate's gate as shipped and with parts
 * of it turned off (the basis, the confirmation), and the simple rules users
 * write today. A rule judges a baseline and a current measurement and may ask
 * for more measurements of the current variant (`more`), as the matcher's
 * confirmation does; it says alarm, unresolved or pass, and how many
 * measurements it used. `on` says which profile of a measurement it judges:
 * perfgate's plain defaults (`plain`) or the gate defaults a gated test gets
 * (`ci`: one thread, 6 sessions, calibrate).
 */
import type { CompareOptions } from '../../src/compare/compare-entry.js'
import { decideEntry } from '../../src/compare/decide-entry.js'
import type { BaselineEntry } from '../../src/types/index.js'
import { confirmed } from '../../src/vitest/confirm.js'

export type Outcome = 'alarm' | 'unresolved' | 'pass'

export interface Judged {
  outcome: Outcome
  measurements: number
}

export interface Rule {
  on: 'plain' | 'ci'
  /** Measurements of A pooled into the baseline, as the matcher records a new entry (1 + confirm); 1 when absent. */
  recordedFrom?: number
  judge: (baseline: BaselineEntry, current: BaselineEntry, more: () => BaselineEntry) => Promise<Judged>
}

// memory is left out: this benchmark is about timings
const TIMINGS = ['latency.p50', 'latency.p95', 'throughput'] as const

/** perfgate's decision (the matcher's: decide-entry.ts and confirm.ts), with `confirm` measurements allowed after the first. */
const perfgate = (on: Rule['on'], confirm: number, extra: Partial<CompareOptions> = {}, recordedFrom = 1 + confirm): Rule => ({
  on,
  recordedFrom,
  judge: async (b, c, more) => {
    const decide = (cur: BaselineEntry) =>
      decideEntry({
        stored: b,
        current: cur,
        update: 'none',
        compare: { metrics: TIMINGS, intervals: false, ...extra },
        missingTestbed: { policy: 'fail', otherTestbeds: () => [] },
        unresolved: 'warn',
      })
    const done = await confirmed(decide(c), c, async () => more(), decide, confirm)
    const status = done.decision.record.status
    return { outcome: status === 'regressed' ? 'alarm' : status === 'unresolved' ? 'unresolved' : 'pass', measurements: done.confirmation?.measurements ?? 1 }
  },
})
const mean = (e: BaselineEntry) => e.metrics['latency.mean']!
const simple =
  (alarm: (b: BaselineEntry, c: BaselineEntry) => boolean): Rule['judge'] =>
  async (b, c) => ({ outcome: alarm(b, c) ? 'alarm' : 'pass', measurements: 1 })

export const RULES: Record<string, Rule> = {
  'perfgate as shipped (gate defaults, CPU basis, baseline of 3 measurements, confirm 2)': perfgate('ci', 2),
  'the same, baseline of 1 measurement': perfgate('ci', 2, {}, 1),
  'gate defaults, CPU basis, no confirmation': perfgate('ci', 0),
  'gate defaults, wall basis, no confirmation (the CI settings before)': perfgate('ci', 0, { basis: 'wall' }),
  'plain defaults (1 session, no reference), wall basis, no confirmation': perfgate('plain', 0, { basis: 'wall' }),
  'mean ratio > 1.05 (vitest bench compare)': { on: 'plain', judge: simple((b, c) => mean(c) / mean(b) > 1.05) },
}

/** The other rules, scored with `--all`: each part of the gate on its own, and more of the rules users write. */
export const MORE_RULES: Record<string, Rule> = {
  'gate defaults, wall basis, confirm 2': perfgate('ci', 2, { basis: 'wall' }),
  'gate defaults, CPU basis, confirm 2, calibration ignored': perfgate('ci', 2, { calibrate: false }),
  'mean within ±10%': { on: 'plain', judge: simple((b, c) => mean(c) > mean(b) * 1.1) },
  'fixed 2x alert': { on: 'plain', judge: simple((b, c) => mean(c) > mean(b) * 2) },
}

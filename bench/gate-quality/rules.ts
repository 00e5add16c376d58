/**
 * The rules the benchmark scores: perfgate's gate and the simple rules users
 * write today. Each returns true for "alarm". `on` says which of the two
 * profiles of a measurement the rule judges: perfgate's defaults (`plain`) or
 * the recommended CI settings (`ci`: 6 sessions, calibrated).
 */
import { compareEntry, type CompareOptions } from '../../src/compare/compare-entry.js'
import type { BaselineEntry } from '../../src/types/index.js'

export interface Rule {
  on: 'plain' | 'ci'
  alarm: (baseline: BaselineEntry, current: BaselineEntry) => boolean
}

// memory is left out: this benchmark is about timings
const TIMINGS = ['latency.p50', 'latency.p95', 'throughput'] as const
const perfgate = (on: Rule['on'], extra: Partial<CompareOptions> = {}): Rule => ({
  on,
  alarm: (b, c) => compareEntry(b, c, { metrics: TIMINGS, intervals: false, ...extra }).verdict === 'regressed',
})
const mean = (e: BaselineEntry) => e.metrics['latency.mean']!
const simple = (alarm: Rule['alarm']): Rule => ({ on: 'plain', alarm })

export const RULES: Record<string, Rule> = {
  'perfgate, defaults (1 session)': perfgate('plain'),
  'perfgate, defaults at 15%': perfgate('plain', { tolerance: '15%' }),
  'perfgate, p50 only': perfgate('plain', { metrics: ['latency.p50'] }),
  'perfgate, cpu.p50 only': perfgate('plain', { metrics: ['cpu.p50'] }),
  'perfgate, sessions: 6 + calibrate (CI settings)': perfgate('ci'),
  'perfgate, CI settings at 7%': perfgate('ci', { tolerance: '7%' }),
  'perfgate, CI settings at 5%': perfgate('ci', { tolerance: '5%' }),
  'perfgate, CI settings, p50 only at 7%': perfgate('ci', { metrics: ['latency.p50'], tolerance: '7%' }),
  'perfgate, sessions: 6, calibration ignored': perfgate('ci', { calibrate: false }),
  'mean within ±10%': simple((b, c) => mean(c) > mean(b) * 1.1),
  'mean ratio > 1.05 (vitest bench compare)': simple((b, c) => mean(c) / mean(b) > 1.05),
  'fixed 2x alert': simple((b, c) => mean(c) > mean(b) * 2),
}

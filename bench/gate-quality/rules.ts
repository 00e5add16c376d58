/**
 * The rules the benchmark scores: perfgate's gate and the simple rules users
 * write today. Each returns true for "alarm". `on` says which of the two
 * profiles of a measurement the rule judges: perfgate's defaults (`plain`) or
 * the recommended CI settings (`ci`: `sessions: 6, calibrate: true`); both
 * with one intra-op thread unless the benchmark is told otherwise.
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
  'perfgate, defaults (1 session, 10%)': perfgate('plain'),
  'perfgate, defaults, p50 only': perfgate('plain', { metrics: ['latency.p50'] }),
  'perfgate, CI settings (sessions: 6, calibrate: true; 10%)': perfgate('ci'),
  'perfgate, CI settings at 15%': perfgate('ci', { tolerance: '15%' }),
  'perfgate, CI settings, calibration ignored': perfgate('ci', { calibrate: false }),
  'mean within ±10%': simple((b, c) => mean(c) > mean(b) * 1.1),
  'mean ratio > 1.05 (vitest bench compare)': simple((b, c) => mean(c) / mean(b) > 1.05),
  'fixed 2x alert': simple((b, c) => mean(c) > mean(b) * 2),
}

/**
 * The rules the benchmark scores on the same samples: perfgate's gate and the
 * simple rules users write today. Each returns true for "alarm".
 */
import { compareEntry } from '../../src/compare/compare-entry.js'
import type { BaselineEntry } from '../../src/types/index.js'

export type Rule = (baseline: BaselineEntry, current: BaselineEntry) => boolean

const mean = (e: BaselineEntry) => e.metrics['latency.mean']!

export const RULES: Record<string, Rule> = {
  // perfgate's defaults (memory is left out: this benchmark is about timings)
  perfgate: (b, c) => compareEntry(b, c, { metrics: ['latency.p50', 'latency.p95', 'throughput'], intervals: false }).verdict === 'regressed',
  'perfgate at 15%': (b, c) => compareEntry(b, c, { metrics: ['latency.p50', 'latency.p95', 'throughput'], tolerance: '15%', intervals: false }).verdict === 'regressed',
  'perfgate at 20%': (b, c) => compareEntry(b, c, { metrics: ['latency.p50', 'latency.p95', 'throughput'], tolerance: '20%', intervals: false }).verdict === 'regressed',
  'perfgate, p50 only': (b, c) => compareEntry(b, c, { metrics: ['latency.p50'], intervals: false }).verdict === 'regressed',
  'perfgate, cpu.p50 only': (b, c) => compareEntry(b, c, { metrics: ['cpu.p50'], intervals: false }).verdict === 'regressed',
  'mean within ±10%': (b, c) => mean(c) > mean(b) * 1.1,
  'mean ratio > 1.05 (vitest bench compare)': (b, c) => mean(c) / mean(b) > 1.05,
  'fixed 2x alert': (b, c) => mean(c) > mean(b) * 2,
}

/** The same entry with every timing scaled by `factor` (calibration by a reference workload). */
export function scaled(e: BaselineEntry, factor: number): BaselineEntry {
  const metrics: Record<string, number> = {}
  for (const [k, v] of Object.entries(e.metrics)) {
    metrics[k] = k.startsWith('latency.') || k.startsWith('cpu.') ? v * factor : k === 'throughput' ? v / factor : v
  }
  return {
    ...e,
    metrics,
    samples: { latency: e.samples.latency?.map((x) => x * factor), cpu: e.samples.cpu?.map((x) => x * factor) },
  }
}

/**
 * Tolerances: parsing what users write, resolving the one that applies to a
 * metric, and the allowed amount of change for a baseline value.
 */
import { errorMessage, PerfgateError } from '../errors.js'
import type { MetricId, Tolerance, ToleranceMap } from '../types/index.js'
import { isMetricId, KNOWN_METRIC_IDS } from '../metrics/catalogue.js'

/** A parsed tolerance: a change must exceed both parts to count (rel as a fraction, abs in the metric's unit). */
export interface ParsedTolerance {
  rel: number
  abs: number
  /** The warning band, parsed the same way; a change beyond it but within the tolerance is `warned`. */
  warn?: { rel: number; abs: number }
}

/** Tolerance when neither the matcher nor the plugin config names one. */
export const DEFAULT_TOLERANCE: Tolerance = '10%'

/**
 * Noise floors: the smallest change that counts for metrics measured once per
 * profile (no per-run samples to test), in the metric's unit. RSS moves by tens
 * of MiB between identical runs (allocator and GC timing), session creation by
 * milliseconds. A floor applies unless the metric's tolerance is named
 * explicitly (`{ 'memory.peakDeltaMB': { abs: 5 } }` means exactly 5 MiB).
 */
export const NOISE_FLOORS: Readonly<Partial<Record<MetricId, number>>> = {
  'memory.peakDeltaMB': 32,
  'memory.peakRssMB': 32,
  loadMs: 10,
  firstRunMs: 5,
}

const PERCENT = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/

/** Parses one tolerance; throws a PerfgateError naming `where` when it is malformed. */
export function parseTolerance(value: unknown, where: string): ParsedTolerance {
  const bad = () => new PerfgateError('TOLERANCE_INVALID', errorMessage('TOLERANCE_INVALID', { where, value }))
  const pct = (s: unknown): number => {
    const m = typeof s === 'string' ? PERCENT.exec(s) : null
    if (!m) throw bad()
    return Number(m[1]) / 100
  }
  const band = (v: unknown, allowWarn: boolean): ParsedTolerance => {
    if (typeof v === 'string') return { rel: pct(v), abs: 0 }
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const { rel, abs, warn, ...rest } = v as { rel?: unknown; abs?: unknown; warn?: unknown }
      if (Object.keys(rest).length > 0 || (rel === undefined && abs === undefined) || (warn !== undefined && !allowWarn)) throw bad()
      if (abs !== undefined && (typeof abs !== 'number' || !Number.isFinite(abs) || abs < 0)) throw bad()
      const out: ParsedTolerance = { rel: rel === undefined ? 0 : pct(rel), abs: (abs as number | undefined) ?? 0 }
      if (warn !== undefined) {
        const w = band(warn, false)
        out.warn = { rel: w.rel, abs: w.abs }
      }
      return out
    }
    throw bad()
  }
  return band(value, true)
}

/** Accepts one tolerance for every metric, or a map by metric id. */
export type ToleranceInput = Tolerance | ToleranceMap

function isSingle(t: ToleranceInput): t is Tolerance {
  return typeof t === 'string' || 'abs' in t || 'rel' in t || 'warn' in t
}

/** Checks a tolerance option up front so a typo fails before any measuring. */
export function validateToleranceInput(input: ToleranceInput | undefined, where: string): void {
  if (input === undefined) return
  if (typeof input !== 'string' && (typeof input !== 'object' || input === null)) {
    parseTolerance(input, where)
    return
  }
  if (isSingle(input)) {
    parseTolerance(input, where)
    return
  }
  for (const [k, v] of Object.entries(input)) {
    if (k !== 'default' && !isMetricId(k)) {
      throw new PerfgateError('METRIC_UNKNOWN', errorMessage('METRIC_UNKNOWN', { where, metric: k, known: [...KNOWN_METRIC_IDS, 'default'] }))
    }
    parseTolerance(v, `${where}['${k}']`)
  }
}

/**
 * The tolerance for `metric`: the matcher option, else the plugin option,
 * else DEFAULT_TOLERANCE. Within a layer, a tolerance named for the metric is
 * used exactly as given; a general one (a single tolerance, or `default`) is
 * raised to the metric's noise floor.
 */
export function resolveTolerance(
  metric: MetricId,
  matcher: ToleranceInput | undefined,
  config: ToleranceInput | undefined,
): { tolerance: ParsedTolerance; source: string } {
  const min = NOISE_FLOORS[metric] ?? 0
  const floor = (t: ParsedTolerance): ParsedTolerance => ({
    rel: t.rel,
    abs: Math.max(t.abs, min),
    ...(t.warn ? { warn: { rel: t.warn.rel, abs: Math.max(t.warn.abs, min) } } : {}),
  })
  const layers: [ToleranceInput | undefined, string][] = [
    [matcher, 'matcher option tolerance'],
    [config, 'plugin option tolerance'],
  ]
  for (const [layer, where] of layers) {
    if (layer === undefined) continue
    if (isSingle(layer)) return { tolerance: floor(parseTolerance(layer, where)), source: where }
    const own = (layer as Record<string, Tolerance | undefined>)[metric]
    if (own !== undefined) return { tolerance: parseTolerance(own, `${where}['${metric}']`), source: where }
    if (layer.default !== undefined) return { tolerance: floor(parseTolerance(layer.default, `${where}.default`)), source: where }
  }
  return { tolerance: floor(parseTolerance(DEFAULT_TOLERANCE, 'default tolerance')), source: 'default tolerance' }
}

/** The largest change allowed from `baseline`: the bigger of the relative and absolute parts. */
export function allowedChange(t: { rel: number; abs: number }, baseline: number): number {
  return Math.max(t.rel * Math.abs(baseline), t.abs)
}

/** `10%`, `±2 ms`, `10%, ±2 MiB`, or with a warning band `10% (warn 5%)`. */
export function describeTolerance(t: ParsedTolerance, unit: string): string {
  const one = (b: { rel: number; abs: number }) => {
    const rel = b.rel > 0 ? `${+(b.rel * 100).toFixed(4)}%` : ''
    const abs = b.abs > 0 ? `±${b.abs}${unit ? ` ${unit}` : ''}` : ''
    return rel && abs ? `${rel}, ${abs}` : rel || abs || '0'
  }
  return t.warn ? `${one(t)} (warn ${one(t.warn)})` : one(t)
}

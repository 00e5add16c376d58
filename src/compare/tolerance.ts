/**
 * Tolerances: parsing what users write, resolving the one that applies to a
 * metric, and the allowed amount of change for a baseline value.
 */
import { errorMessage, PerfgateError } from '../errors.js'
import type { MetricId, Tolerance, ToleranceMap } from '../types/index.js'
import { isMetricId, PROFILE_METRIC_IDS } from './metrics.js'

/** A parsed tolerance: a change must exceed both parts to count (rel as a fraction, abs in the metric's unit). */
export interface ParsedTolerance {
  rel: number
  abs: number
}

/**
 * Defaults when neither the matcher nor the plugin config names a tolerance.
 * Memory has an absolute floor because RSS moves by a few MB between identical runs.
 */
export const DEFAULT_TOLERANCES: Readonly<Record<string, Tolerance>> = {
  default: '10%',
  'memory.peakDeltaMB': { rel: '10%', abs: 10 },
  'memory.peakRssMB': { rel: '10%', abs: 10 },
  loadMs: { rel: '25%', abs: 5 },
  firstRunMs: { rel: '25%', abs: 5 },
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
  if (typeof value === 'string') return { rel: pct(value), abs: 0 }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const { rel, abs, ...rest } = value as { rel?: unknown; abs?: unknown }
    if (Object.keys(rest).length > 0 || (rel === undefined && abs === undefined)) throw bad()
    if (abs !== undefined && (typeof abs !== 'number' || !Number.isFinite(abs) || abs < 0)) throw bad()
    return { rel: rel === undefined ? 0 : pct(rel), abs: (abs as number | undefined) ?? 0 }
  }
  throw bad()
}

/** Accepts one tolerance for every metric, or a map by metric id. */
export type ToleranceInput = Tolerance | ToleranceMap

function isSingle(t: ToleranceInput): t is Tolerance {
  return typeof t === 'string' || 'abs' in t || 'rel' in t
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
      throw new PerfgateError('METRIC_UNKNOWN', errorMessage('METRIC_UNKNOWN', { where, metric: k, known: [...PROFILE_METRIC_IDS, 'default'] }))
    }
    parseTolerance(v, `${where}['${k}']`)
  }
}

/** The tolerance for `metric`: matcher option, else plugin config, else DEFAULT_TOLERANCES. */
export function resolveTolerance(
  metric: MetricId,
  matcher: ToleranceInput | undefined,
  config: ToleranceInput | undefined,
): { tolerance: ParsedTolerance; source: string } {
  const layers: [ToleranceInput | undefined, string][] = [
    [matcher, 'matcher option tolerance'],
    [config, 'plugin option tolerance'],
    [DEFAULT_TOLERANCES as ToleranceMap, 'default tolerance'],
  ]
  for (const [layer, where] of layers) {
    if (layer === undefined) continue
    if (isSingle(layer)) return { tolerance: parseTolerance(layer, where), source: where }
    const own = (layer as Record<string, Tolerance | undefined>)[metric]
    if (own !== undefined) return { tolerance: parseTolerance(own, `${where}['${metric}']`), source: where }
    if (layer.default !== undefined) return { tolerance: parseTolerance(layer.default, `${where}.default`), source: where }
  }
  return { tolerance: { rel: 0.1, abs: 0 }, source: 'default tolerance' }
}

/** The largest change allowed from `baseline`: the bigger of the relative and absolute parts. */
export function allowedChange(t: ParsedTolerance, baseline: number): number {
  return Math.max(t.rel * Math.abs(baseline), t.abs)
}

/** `10%`, `±2 ms`, or `10% and ±2 MB`. */
export function describeTolerance(t: ParsedTolerance, unit: string): string {
  const rel = t.rel > 0 ? `${+(t.rel * 100).toFixed(4)}%` : ''
  const abs = t.abs > 0 ? `±${t.abs}${unit ? ` ${unit}` : ''}` : ''
  return rel && abs ? `${rel}, ${abs}` : rel || abs || '0'
}

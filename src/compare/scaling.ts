/**
 * Derived columns of a sweep, as pure arithmetic on the axis values and the
 * throughput measured at each point (in the sweep's order, normally ascending):
 *
 * - factor_i     = value_i / value_0 (numeric axes only, value_0 > 0), else null
 * - speedup_i    = throughput_i / throughput_0
 * - efficiency_i = speedup_i / factor_i: 1 is linear scaling (16x the batch gave
 *                  16x the samples per second), 0.5 half of it
 * - stepGain_i   = (throughput_i / throughput_{i-1} - 1) / (value_i / value_{i-1} - 1):
 *                  the share of the ideal gain that the step from the previous
 *                  point bought (1 linear, 0 nothing, negative: it got worse)
 * - flattensAt   = the first point whose stepGain is below `flatBelow`:
 *                  scaling has flattened there, and the point before it is the
 *                  last one worth its cost; null when no step falls below
 * - best         = the point with the highest throughput
 */

/** A step that buys less than this share of the ideal gain counts as flat. */
export const DEFAULT_FLAT_BELOW = 0.2

export interface ScalingRow {
  factor: number | null
  speedup: number | null
  efficiency: number | null
  stepGain: number | null
}

export interface Scaling {
  rows: ScalingRow[]
  /** Index of the point with the highest throughput (-1 when there are no points). */
  best: number
  /** Index of the first point where scaling has flattened, or null. */
  flattensAt: number | null
  /** The threshold used for `flattensAt`. */
  flatBelow: number
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null)

/**
 * @param values axis values: numbers for numeric axes (batch, threads, sequence
 *   length), anything else (strings, arrays) for categorical ones
 * @param throughputs work per second measured at each point (same length)
 */
export function scalingOf(values: readonly unknown[], throughputs: readonly number[], flatBelow: number = DEFAULT_FLAT_BELOW): Scaling {
  if (values.length !== throughputs.length) throw new RangeError(`scalingOf: ${values.length} values but ${throughputs.length} throughputs`)
  const numeric = values.length > 0 && values.every((v) => typeof v === 'number' && Number.isFinite(v))
  const v = values as readonly number[]
  const t0 = throughputs[0] ?? 0
  const rows = throughputs.map((t, i): ScalingRow => {
    const factor = numeric && v[0]! > 0 ? v[i]! / v[0]! : null
    const speedup = t0 > 0 ? t / t0 : null
    const efficiency = factor !== null && factor > 0 && speedup !== null ? speedup / factor : null
    let stepGain: number | null = null
    if (i > 0 && numeric) {
      const valueStep = v[i - 1]! !== 0 ? v[i]! / v[i - 1]! - 1 : NaN
      const tPrev = throughputs[i - 1]!
      if (valueStep !== 0 && tPrev > 0) stepGain = finiteOrNull((t / tPrev - 1) / valueStep)
    }
    return { factor, speedup, efficiency, stepGain }
  })
  let best = -1
  throughputs.forEach((t, i) => {
    if (best < 0 || t > throughputs[best]!) best = i
  })
  const flat = rows.findIndex((r, i) => i > 0 && r.stepGain !== null && r.stepGain < flatBelow)
  return { rows, best, flattensAt: flat < 0 ? null : flat, flatBelow }
}

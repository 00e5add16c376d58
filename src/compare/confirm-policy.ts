/**
 * When the gate measures again, in the spirit of Chromium Pinpoint's
 * same / different / unknown: a regression is never reported on one
 * measurement, and an unknown gets more measurements. Pure.
 *
 * After each measurement the entry is decided twice: on that measurement
 * alone, and on all measurements so far, pooled (pool-entries.ts). Then:
 * - pooled pass or warned with a borderline row (a worse change within the
 *   tolerance whose interval reaches beyond it): measure again while the
 *   budget lasts, since more measurements settle which side it is on;
 * - pooled pass, improved or warned otherwise: stop, it is resolved;
 * - pooled regressed, and the latest measurement alone regressed too (after
 *   at least two measurements): stop, the regression is confirmed;
 * - pooled regressed after the first measurement, or not repeated by the
 *   latest one alone (a disturbed first measurement weighs on the pool; more
 *   measurements outweigh it): measure again while the budget lasts;
 * - pooled unresolved: measure again while the budget lasts.
 * The verdict is the last pooled one. `budget` is how many measurements may
 * follow the first.
 */
import type { MetricVerdict } from '../types/index.js'

/** The verdicts after one measurement: on it alone, and on all so far pooled. */
export interface MeasurementVerdicts {
  alone: MetricVerdict
  pooled: MetricVerdict
  /** The pooled comparison passed a worse change near the tolerance that more measurements can settle (a borderline row). */
  borderline?: boolean
}

export function measureAgain(history: readonly MeasurementVerdicts[], budget: number): boolean {
  const measurements = history.length
  if (measurements === 0 || measurements > budget) return false
  const last = history[measurements - 1]!
  if (last.pooled === 'unresolved') return true
  if ((last.pooled === 'pass' || last.pooled === 'warned') && last.borderline) return true
  if (last.pooled !== 'regressed') return false
  return measurements === 1 || last.alone !== 'regressed'
}

/** Default of the `confirm` option: measurements that may follow the first. */
export const DEFAULT_CONFIRM = 2

/** Default of the `unresolved` option: what an entry still unresolved after confirmation does. */
export const DEFAULT_UNRESOLVED: 'fail' | 'warn' = 'warn'

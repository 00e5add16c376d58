/** What a comparison and a matcher call record: diff-table rows, testbed differences, and the gate record the main process reads. */
import type { BaselineEntry, Disturbance, Testbed } from './baseline.generated.js'
import type { Better, MetricId, MetricVerdict, Verdict } from './metric-ids.js'
import type { CalibrationApplied, ChangeInterval, ResultExtras } from './result-parts.generated.js'

/** One row of a diff table. */
export interface MetricComparison {
  metric: MetricId
  unit: string
  better: Better
  baseline: number
  current: number
  /** current - baseline. */
  change: number
  /** change / baseline x 100; null when the baseline is 0. */
  changePct: number | null
  /** The tolerance in words, e.g. `10%` or `±2 ms`. */
  tolerance: string
  verdict: MetricVerdict
  /** Two-sided Mann-Whitney p-value when both sides had samples. */
  pValue?: number
  /** Why a change beyond tolerance still passed, e.g. not significant. */
  note?: string
  /** Confidence interval of the change in percent of the baseline, when the comparison computed one; reports show it. */
  interval?: ChangeInterval
  /**
   * A worse change within the tolerance whose interval excludes no change and reaches beyond the tolerance
   * while being narrower than it: a change near the tolerance that more measurements can settle (compare/confirm-policy.ts).
   */
  borderline?: true
  /**
   * What a timing row with per-run samples compared: wall time as measured, or CPU time per run
   * (single-threaded sessions: see compare/basis.ts). Absent for figures without samples.
   */
  basis?: 'wall' | 'cpu'
}

export interface TestbedDifference {
  /** A testbed field, the model's identity, `calibration`, or one profile option's path as `options.<path>` (e.g. `options.dims.batch`). */
  field: keyof Testbed | 'model.sha256' | 'model.bytes' | 'calibration' | `options.${string}`
  baseline: string
  current: string
}

export interface EntryComparison {
  verdict: MetricVerdict
  rows: MetricComparison[]
  differences: TestbedDifference[]
  /**
   * Where both entries carry a reference score of the same workload: the current timings were multiplied
   * by `factor` = (baselineScoreMs / currentScoreMs) ^ 0.8 (CALIBRATION_EXPONENT) before comparing (rates divided by it).
   */
  calibration?: CalibrationApplied
  /** What the timing rows compared: wall time, or CPU time per run (see compare/basis.ts). */
  basis: 'wall' | 'cpu'
  /** How disturbed the measured runs were, where the current entry says (the baseline's too, where it has one). */
  disturbance?: { baseline?: Disturbance; current: Disturbance }
}

/** The measurements a verdict was decided on, when perfgate measured again to confirm it (vitest/confirm.ts). */
export interface Confirmation {
  /** Measurements pooled, the first included. */
  measurements: number
  /** The verdict on all measurements so far, pooled, after each; the last is the entry's. */
  verdicts: MetricVerdict[]
  /** The verdict on each measurement alone. */
  each: MetricVerdict[]
}

/** What a matcher call tells the main process, through the test's task meta. */
export interface GateRecord {
  /** Baseline file, relative to the project root. */
  file: string
  key: string
  test: string
  status: Verdict | 'missing' | 'invalid'
  /** The entry to write, for `new` and `updated`. */
  entry?: BaselineEntry
  /** Rows of the comparison, for `pass`, `improved` and `regressed`. */
  rows?: MetricComparison[]
  /** What differs from the baseline's testbed, model and options, when compared. */
  differences?: TestbedDifference[]
  /** The machine-speed correction the comparison applied, when both sides carry a reference score. */
  calibration?: CalibrationApplied
  /** What was measured (the entry a baseline would store), for the reports. */
  current?: BaselineEntry
  /** The stored entry it was compared with, for the reports (its samples draw the baseline's distribution). */
  baseline?: BaselineEntry
  /** Data for the HTML report's extra charts (generation prompts, sweeps). */
  extras?: ResultExtras
  /** When the first measurement said regressed or unresolved and perfgate measured again. */
  confirmation?: Confirmation
  /** For an entry still unresolved after confirmation: what the `unresolved` option made of it. */
  unresolvedPolicy?: 'fail' | 'warn'
}

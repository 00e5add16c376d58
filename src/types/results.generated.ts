/* Generated from schema/results.schema.json by `npm run gen:types`. Do not edit. */
import type {BaselineEntry} from './baseline.generated.js'
import type {GateRecord, MetricComparison, TestbedDifference} from './gate-records.js'
import type {
  ChangeInterval,
  CalibrationApplied,
  ResultExtras,
  GenerationReport,
  PromptChartPoint,
  SweepReport
} from './result-parts.generated.js'

/**
 * One row of a comparison (the TypeScript type is MetricComparison).
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "MetricRow".
 */
export type MetricRow = MetricComparison
/**
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "Difference".
 */
export type Difference = TestbedDifference
/**
 * A baseline entry (schema/baseline.schema.json).
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "StoredEntry".
 */
export type StoredEntry = BaselineEntry

/**
 * The results of one perfgate run, as the reporter's `json` option writes them: every gated assertion with its measurement, the baseline it was compared with, the comparison rows and the testbed. `perfgate compare` and `perfgate report` read it. One line of a history file is a `HistoryRecord`.
 */
export interface ResultsFile {
  /**
   * Results format version.
   */
  perfgate: 1
  kind: 'results'
  /**
   * When the run ended, ISO 8601 (UTC).
   */
  createdAt: string
  /**
   * Commit the run measured: GITHUB_SHA, else `git rev-parse HEAD`, else null.
   */
  commit?: string | null
  /**
   * The base the pull request is judged against (PERFGATE_BASE_REF or GITHUB_BASE_REF), when known.
   */
  baseRef?: string
  /**
   * Baseline files (relative to the project root) that differ from the merge base with `baseRef`: the change edits the baselines it is judged against.
   */
  changedBaselines?: string[]
  results: ResultEntry[]
}
/**
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "ResultEntry".
 */
export interface ResultEntry {
  /**
   * Baseline file, relative to the project root.
   */
  file: string
  /**
   * Entry key in the baseline file.
   */
  key: string
  /**
   * Full name of the test.
   */
  test: string
  /**
   * Outcome of the assertion.
   */
  status: GateRecord['status']
  /**
   * What was measured, as a baseline entry would store it.
   */
  current?: BaselineEntry
  /**
   * The stored entry it was compared with.
   */
  baseline?: BaselineEntry
  /**
   * The comparison, one row per gated metric.
   */
  rows?: MetricRow[]
  /**
   * Testbed, model and option fields that differ from the baseline's.
   */
  differences?: Difference[]
  /**
   * The machine-speed correction the comparison applied (both sides profiled with `calibrate`): the rows' current times are the measured ones x factor (rates / factor); `current` holds the measured entry.
   */
  calibration?: CalibrationApplied
  /**
   * The baseline file is one of `changedBaselines`.
   */
  baselineChanged?: boolean
  extras?: ResultExtras
  /**
   * When the first measurement said regressed or unresolved and perfgate measured again (option `confirm`): how many measurements were pooled, the verdict on the pool after each (`verdicts`, the last is the entry's) and on each measurement alone (`each`); `current` holds the pooled entry.
   */
  confirmation?: {
    measurements: number
    verdicts: ('pass' | 'regressed' | 'improved' | 'warned' | 'unresolved')[]
    each: ('pass' | 'regressed' | 'improved' | 'warned' | 'unresolved')[]
  }
  /**
   * For an entry still unresolved after confirmation: what the `unresolved` option made of it.
   */
  unresolvedPolicy?: 'fail' | 'warn'
}
/**
 * One line of a history file (JSON Lines): the gated metrics of one run.
 *
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "HistoryRecord".
 */
export interface HistoryRecord {
  perfgate: 1
  kind: 'history'
  /**
   * When the run ended, ISO 8601 (UTC).
   */
  time: string
  commit: string | null
  /**
   * Branch or ref the run measured (GITHUB_REF_NAME), when known.
   */
  ref?: string
  entries: HistoryEntry[]
}
/**
 * This interface was referenced by `ResultsFile`'s JSON-Schema
 * via the `definition` "HistoryEntry".
 */
export interface HistoryEntry {
  file: string
  key: string
  test: string
  status: string
  /**
   * Gated metrics as measured.
   */
  metrics: {
    [k: string]: number
  }
  /**
   * The same metrics in the baseline compared with.
   */
  baseline?: {
    [k: string]: number
  }
  /**
   * The entry's baseline file was written by this run or changed by this commit.
   */
  baselineChanged: boolean
}

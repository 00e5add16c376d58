/** `perfgate`: the profiling API and the shared types. */
export { profile } from './measure/profile.js'
export type { ProfileOptions } from './measure/options.js'
export { PROFILE_DEFAULTS } from './measure/options.js'
export { PerfgateError } from './errors.js'
export type { ErrorCode } from './errors.js'
export { DEFAULT_GATED_METRICS, PROFILE_METRIC_IDS } from './compare/metrics.js'
export { DEFAULT_TOLERANCE, NOISE_FLOORS } from './compare/tolerance.js'
export { DEFAULT_ALPHA } from './compare/compare-entry.js'
export type {
  BaselineEntry,
  BaselineFile,
  Better,
  ChangeInterval,
  GenerationReport,
  HistoryRecord,
  PromptFigures,
  ResultEntry,
  ResultExtras,
  ResultsFile,
  SweepReport,
  Distribution,
  EntryComparison,
  MemoryFigures,
  MetricComparison,
  MetricId,
  ModelIdentity,
  ProfileResult,
  Testbed,
  Tolerance,
  ToleranceMap,
  UpdateMode,
} from './types/index.js'

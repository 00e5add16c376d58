/** `perfgate`: the profiling API and the shared types. */
export { profile } from './measure/profile.js'
export type { ProfileOptions } from './measure/options.js'
export type { SweepFunctionFactory, SweepOptions } from './measure/sweep.js'
export type { CompareModelsOptions } from './measure/compare-models.js'
export type { OpProfileOptions } from './measure/op-profile.js'
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
  ComparisonSummary,
  GpuFigures,
  ModelComparison,
  OpProfile,
  OpTime,
  RatioEstimate,
  SweepPoint,
  SweepResult,
  SweepValue,
  VariantRatios,
  VariantResult,
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

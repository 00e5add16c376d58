/** `perfgate`: the profiling API and the shared types. */
import './vitest/augment.js'
export { profile } from './measure/profile.js'
export type { ProfileOptions } from './measure/run/options.js'
export type { SweepFunctionFactory, SweepOptions } from './measure/experiments/sweep.js'
export type { GenerationSweepOptions } from './measure/experiments/generation-sweep.js'
export type { CompareModelsOptions } from './measure/experiments/compare-models.js'
export type { OpProfileOptions } from './measure/model/op-profile.js'
export { PROFILE_DEFAULTS } from './measure/run/options.js'
export type { LoadOptions } from './measure/load/load.js'
export { LOAD_DEFAULTS } from './measure/load/load.js'
export { COMPARE_DEFAULTS } from './measure/experiments/compare-models.js'
export { OP_PROFILE_DEFAULTS } from './measure/model/op-profile.js'
export type { GenerateOptions } from './measure/generation/generate-options.js'
export { GENERATE_DEFAULTS } from './measure/generation/generate-options.js'
export type { LanguageModelSource } from './measure/generation/language-model-source.js'
export type { EndpointGenerateOptions, EndpointUrl } from './measure/endpoint/endpoint-options.js'
export type { EndpointLoadOptions } from './measure/endpoint-load/endpoint-load.js'
export type { EndpointSweepOptions } from './measure/endpoint-load/endpoint-sweep.js'
export { ENDPOINT_TIMEOUT_DEFAULTS } from './measure/endpoint/endpoint-options.js'
export { PerfgateError } from './errors.js'
export type { ErrorCode } from './errors.js'
export { DEFAULT_GATED_METRICS, PROFILE_METRIC_IDS } from './metrics/catalogue.js'
export { DEFAULT_GATED_GENERATION_METRICS, GENERATION_METRIC_IDS } from './metrics/generation-metrics.js'
export { DEFAULT_TOLERANCE, NOISE_FLOORS } from './compare/tolerance.js'
export { DEFAULT_ALPHA } from './compare/compare-entry.js'
export type {
  BaselineEntry,
  BaselineFile,
  Better,
  ChangeInterval,
  GenerationReport,
  HistoryRecord,
  LoadLevel,
  LoadResult,
  LoadSlo,
  ResultEntry,
  ResultExtras,
  ResultsFile,
  SweepReport,
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
  Disturbance,
  EntryComparison,
  EndpointApi,
  EndpointFigures,
  EndpointIdentity,
  EndpointTimeouts,
  RequestRecord,
  TokenSource,
  GenerationMetricId,
  GenerationRequest,
  GenerationResult,
  MemoryFigures,
  MetricComparison,
  MetricId,
  ModelIdentity,
  ProfileResult,
  PromptFigures,
  Testbed,
  TokenScaling,
  Tolerance,
  ToleranceMap,
  UpdateMode,
} from './types/index.js'

/**
 * The shared vocabulary of perfgate. Baseline file types are generated from
 * schema/baseline.schema.json; everything else that crosses a layer is here.
 */
import type { BaselineEntry, BaselineFile, ModelIdentity, OpProfile, OpTime, SampleSet, Testbed } from './baseline.generated.js'

export type { BaselineEntry, BaselineFile, ModelIdentity, OpProfile, OpTime, SampleSet, Testbed }

/** Distribution summary of per-run figures, in ms. */
export interface Distribution {
  n: number
  mean: number
  sd: number
  min: number
  max: number
  p50: number
  p90: number
  p95: number
  p99: number
  /** Coefficient of variation, sd / mean. */
  cv: number
}

export interface MemoryFigures {
  /** RSS before the session is created, MB. */
  rssBeforeLoadMB: number
  /** RSS after the session is created, MB (equals rssBeforeLoadMB for function profiles). */
  rssAfterLoadMB: number
  /** Peak RSS during the measured runs, MB. */
  peakRssMB: number
  /** peakRssMB - rssBeforeLoadMB. */
  peakDeltaMB: number
  /** `vmhwm`: the kernel's high-water mark (Linux, reset before the runs); `sampled`: polled RSS. */
  peakSource: 'vmhwm' | 'sampled'
}

/** The result of `profile()`. Every figure is in ms, MB or runs per second. */
export interface ProfileResult {
  kind: 'model' | 'function'
  /** The model's identity, for model profiles. */
  model?: ModelIdentity
  /** Session creation (cold start), ms. Model profiles only. */
  loadMs?: number
  /** The first `run()` after load, ms, reported apart from the warm runs. */
  firstRunMs: number
  /** Warm-up runs done (after the first run). */
  warmupRuns: number
  /** Wall time around `session.run` (or the function), warm measured runs. */
  latency: Distribution
  /** Process CPU time (user + system, all threads) per measured run. */
  cpu: Distribution
  throughput: {
    /** Measured runs per second of latency: 1000 / mean latency. */
    runsPerSecond: number
    /** runsPerSecond x batchSize. */
    samplesPerSecond: number
    batchSize: number
  }
  memory: MemoryFigures
  /** Raw per-run figures in run order, ms. */
  samples: { latency: number[]; cpu: number[] }
  testbed: Testbed
  /** The options as measured (JSON-serialisable). */
  options: Record<string, unknown>
  /** When the measurement held the machine: epoch ms, from lock acquired to released. */
  window: { start: number; end: number }
  /** Input names and shapes that were fed, for model profiles. */
  inputs?: Record<string, { type: string; dims: number[] }>
  /** Time by operator from onnxruntime's profiler, with the `opProfile` option. */
  opProfile?: OpProfile
  /** GPU memory from nvidia-smi, when a CUDA or TensorRT execution provider ran the model. */
  gpu?: GpuFigures
}

/** GPU memory around a profile, from nvidia-smi (MB as it reports them: MiB). */
export interface GpuFigures {
  /** The GPUs nvidia-smi lists: index, name and total memory. */
  devices: { index: number; name: string; memoryTotalMB: number }[]
  /** Memory used on all GPUs together before the session was created, MB. */
  usedBeforeLoadMB: number
  /** Memory used on all GPUs together after the session was created, MB. */
  usedAfterLoadMB: number
  /** Memory used on all GPUs together after the measured runs, MB. */
  usedAfterRunsMB: number
  /** usedAfterRunsMB - usedBeforeLoadMB (other processes on the GPU count too). */
  deltaMB: number
  /** GPU memory of this process after the runs (nvidia-smi's compute apps), when it lists it, MB. */
  processMB?: number
}

/** Which direction of change is an improvement. */
export type Better = 'lower' | 'higher'

/**
 * A tolerance: relative (`'10%'`), absolute in the metric's unit (`{ abs: 2 }`),
 * or both (`{ rel: '10%', abs: 2 }`: a change must exceed both to count).
 */
export type Tolerance = `${number}%` | { abs: number; rel?: `${number}%` } | { rel: `${number}%`; abs?: number }

/** Tolerances by metric id; `default` applies to metrics not listed. */
export type ToleranceMap = Partial<Record<MetricId | 'default', Tolerance>>

/** Metric ids of a profile result that can be gated. */
export type MetricId =
  | 'latency.mean'
  | 'latency.p50'
  | 'latency.p90'
  | 'latency.p95'
  | 'latency.p99'
  | 'cpu.mean'
  | 'cpu.p50'
  | 'throughput'
  | 'memory.peakDeltaMB'
  | 'memory.peakRssMB'
  | 'loadMs'
  | 'firstRunMs'
  | 'value'

/** Verdict of one metric, or of a whole entry (the worst of its metrics). */
export type Verdict = 'pass' | 'regressed' | 'improved' | 'new' | 'updated'

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
  verdict: 'pass' | 'regressed' | 'improved'
  /** Two-sided Mann-Whitney p-value when both sides had samples. */
  pValue?: number
  /** Why a change beyond tolerance still passed, e.g. not significant. */
  note?: string
}

export interface TestbedDifference {
  field: keyof Testbed | 'model.sha256' | 'model.bytes' | 'options'
  baseline: string
  current: string
}

export interface EntryComparison {
  verdict: 'pass' | 'regressed' | 'improved'
  rows: MetricComparison[]
  differences: TestbedDifference[]
}

/** Update policy, resolved once in the main process: `-u` gives all, CI gives none, otherwise new. */
export type UpdateMode = 'all' | 'new' | 'none'

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
}

export type {
  ComparisonSummary,
  LoadLevel,
  LoadResult,
  LoadSlo,
  ModelComparison,
  RatioEstimate,
  SweepAxisKind,
  SweepPoint,
  SweepResult,
  SweepValue,
  VariantRatios,
  VariantResult,
} from './experiments.js'

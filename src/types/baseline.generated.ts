/* Generated from schema/baseline.schema.json by `npm run gen:types`. Do not edit. */

/**
 * A perfgate baseline file: the recorded performance of the perf tests of one test file. Written by perfgate with sorted keys so that a change is a small, reviewable diff.
 */
export interface BaselineFile {
  /**
   * Baseline format version.
   */
  perfgate: 1
  /**
   * Baseline entries keyed like snapshots: the test's full name and a counter, or the explicit `name` given to the matcher.
   */
  entries: {
    [k: string]: BaselineEntry
  }
}
/**
 * This interface was referenced by `BaselineFile`'s JSON-Schema
 * via the `definition` "BaselineEntry".
 */
export interface BaselineEntry {
  /**
   * Full name of the test that recorded the entry.
   */
  test: string
  /**
   * `profile`: a whole profile result; `value`: one number gated on its own; `generation`: a `profile.generate` result.
   */
  kind: 'profile' | 'value' | 'generation'
  /**
   * The recorded figures by metric id (see the README's metric tables); units are ms, MiB (1024 x 1024 bytes), runs/s and tokens/s.
   */
  metrics: {
    [k: string]: number
  }
  /**
   * For `value` entries: which direction is better.
   */
  better?: 'lower' | 'higher'
  samples: SampleSet
  /**
   * Number of measured runs (for `generation`: measured requests, prompts x passes).
   */
  runs?: number
  model?: ModelIdentity
  /**
   * The profile options the entry was measured with (JSON-serialisable subset).
   */
  options?: {
    [k: string]: unknown
  }
  testbed: Testbed
  opProfile?: OpProfile
  calibration?: Calibration
  disturbance?: Disturbance
  /**
   * Present when the entry pools several measurements (a new entry is recorded from 1 + `confirm` of them; a confirmed verdict pools the confirmation's): by sample set, how many samples each measurement added, in order. The gate computes each measurement's statistic from them, and widens the interval of a change by how much that statistic moved between measurements of the same code.
   */
  measurements?: {
    /**
     * @minItems 2
     */
    [k: string]: [number, number, ...number[]]
  }
}
/**
 * Sorted samples of the per-run distributions (a bounded quantile subsample when there were many runs), in ms; in an entry that pools several measurements (`measurements`), each measurement's samples sorted, in the order of the measurements.
 *
 * This interface was referenced by `BaselineFile`'s JSON-Schema
 * via the `definition` "SampleSet".
 */
export interface SampleSet {
  latency?: number[]
  cpu?: number[]
  /**
   * Generation: time to first token per request, ms.
   */
  ttft?: number[]
  /**
   * Generation: time per output token per request, ms.
   */
  tpot?: number[]
  /**
   * Generation: gaps between consecutive tokens, pooled, ms.
   */
  itl?: number[]
  /**
   * Generation: prompt given to last token per request, ms.
   */
  e2e?: number[]
  /**
   * Generation: output tokens / E2E per request, tokens/s.
   */
  tokensPerSecond?: number[]
}
/**
 * This interface was referenced by `BaselineFile`'s JSON-Schema
 * via the `definition` "ModelIdentity".
 */
export interface ModelIdentity {
  /**
   * Model path relative to the project root (POSIX separators).
   */
  path: string
  bytes: number
  sha256: string
}
/**
 * The environment a measurement was taken on.
 *
 * This interface was referenced by `BaselineFile`'s JSON-Schema
 * via the `definition` "Testbed".
 */
export interface Testbed {
  cpuModel: string
  /**
   * Logical CPUs the process may use.
   */
  cores: number
  /**
   * Platform and kernel release, e.g. `linux 6.1.0`.
   */
  os: string
  arch: string
  node: string
  /**
   * onnxruntime-node version, or `none` for function profiles.
   */
  onnxruntime: string
  executionProviders: string[]
  /**
   * null when left to onnxruntime's default.
   */
  intraOpNumThreads: number | null
  /**
   * null when left to onnxruntime's default.
   */
  interOpNumThreads: number | null
  endpoint?: EndpointIdentity
}
/**
 * The server a `profile.generate(url)` result measured: entries of two servers are never compared.
 *
 * This interface was referenced by `BaselineFile`'s JSON-Schema
 * via the `definition` "EndpointIdentity".
 */
export interface EndpointIdentity {
  /**
   * The base URL without credentials, query or fragment, e.g. `http://127.0.0.1:8000/v1`.
   */
  url: string
  api: 'chat' | 'completions'
  /**
   * The model requested.
   */
  model: string
  /**
   * The `model` the server reported in its chunks.
   */
  servedModel?: string
  /**
   * The `system_fingerprint` the server reported.
   */
  systemFingerprint?: string
  /**
   * The HTTP `Server` header.
   */
  server?: string
}
/**
 * Where the time of a run goes, from onnxruntime's own profiler (profile option `opProfile`): the operators by type and the slowest nodes, over `runs` profiled runs in a separate profiling session.
 *
 * This interface was referenced by `BaselineFile`'s JSON-Schema
 * via the `definition` "OpProfile".
 */
export interface OpProfile {
  /**
   * Profiled runs the table sums (after the profiling session's own warm-up runs, without disturbed runs).
   */
  runs: number
  /**
   * Profiled runs left out as disturbed: longer than twice the median run (a preempted thread).
   */
  droppedRuns?: number
  /**
   * Total time of the profiled runs (onnxruntime's model_run events), ms.
   */
  runMs: number
  /**
   * Every operator type, by total time, largest first.
   */
  byType: OpTime[]
  /**
   * The nodes with the largest total time, largest first (at most `top` of them).
   */
  byNode: OpTime[]
}
/**
 * Kernel time of one operator type or one node over the profiled runs.
 *
 * This interface was referenced by `BaselineFile`'s JSON-Schema
 * via the `definition` "OpTime".
 */
export interface OpTime {
  /**
   * Operator type as executed, after graph optimisation (e.g. MatMul, FusedMatMul, Conv).
   */
  opType: string
  /**
   * Node name as executed (rows of `byNode` only).
   */
  node?: string
  /**
   * Execution provider that ran it (rows of `byNode` only).
   */
  provider?: string
  /**
   * Kernel calls over the profiled runs.
   */
  calls: number
  /**
   * Total kernel time over the profiled runs, ms.
   */
  totalMs: number
  /**
   * totalMs / calls.
   */
  meanMs: number
  /**
   * totalMs / runMs: the share of run time spent in it.
   */
  share: number
}
/**
 * The machine-speed reference measured next to the entry (profile option `calibrate`): a comparison of two entries that both have one, of the same workload, multiplies the current timings by (baselineScore / currentScore) ^ 0.8.
 *
 * This interface was referenced by `BaselineFile`'s JSON-Schema
 * via the `definition` "Calibration".
 */
export interface Calibration {
  /**
   * Which reference workload was measured (scores of different workloads are never compared).
   */
  workload: string
  /**
   * Geometric mean of the median times of the workload's parts, ms.
   */
  scoreMs: number
  /**
   * The same score in CPU time per run: what calibrates a comparison on the CPU-time basis (single-threaded sessions), since it does not grow while the reference waits for a core.
   */
  cpuScoreMs?: number
  /**
   * Measured iterations of the workload.
   */
  runs: number
}
/**
 * How much the measured runs were disturbed by other work on the machine (the rule is in src/measure/disturbance.ts; absent in entries recorded before it).
 *
 * This interface was referenced by `BaselineFile`'s JSON-Schema
 * via the `definition` "Disturbance".
 */
export interface Disturbance {
  /**
   * Version of the rule that judged the runs.
   */
  rule: number
  /**
   * Measured runs judged: those with a CPU-time read (every run, except where runs were too short for one each; see the result's `sampling.cpuEvery`).
   */
  runs: number
  /**
   * Runs the rule called disturbed: preempted (involuntary context switches) or, single-threaded, CPU time below 0.8 of wall time.
   */
  disturbedRuns: number
  /**
   * disturbedRuns / runs.
   */
  share: number
  /**
   * Involuntary context switches of the process during the judged runs.
   */
  involuntarySwitches: number
  /**
   * Time the process's threads waited for a core while runnable during the measured runs (Linux schedstat), ms.
   */
  runQueueWaitMs?: number
  /**
   * Runnable tasks beside perfgate at the start and end of measuring (Linux /proc/loadavg; elsewhere the 1-minute load average), and the cores perfgate may use.
   */
  load?: {
    cores: number
    start: number
    end: number
  }
  /**
   * The evidence seen: per-run tests that marked runs, and session-wide signs (run-queue wait above 5% of the measured time, more runnable tasks than cores).
   */
  reasons: ('involuntary switches' | 'cpu below wall' | 'run-queue wait' | 'load above cores')[]
}

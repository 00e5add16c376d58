/** The names of gateable metrics, their directions and the verdicts a comparison gives them. */

/** Which direction of change is an improvement. */
export type Better = 'lower' | 'higher'

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
  | GenerationMetricId

/** Metric ids of a generation result (`profile.generate`) beyond the memory and load metrics it shares. */
export type GenerationMetricId =
  `${'ttft' | 'tpot' | 'itl' | 'e2e'}.${'mean' | 'p50' | 'p90' | 'p95' | 'p99'}` | 'tokensPerSecond' | 'totalTokensPerSecond' | 'prefillTokensPerSecond'

/** Verdict of one metric, or of a whole entry (the worst of its metrics). */
export type Verdict = MetricVerdict | 'new' | 'updated'

/**
 * Verdict of a comparison: `regressed` fails; `unresolved` (noise wider than the
 * tolerance), `warned` (beyond the warning band only), `improved` and `pass` pass.
 */
export type MetricVerdict = 'pass' | 'regressed' | 'improved' | 'warned' | 'unresolved'

/**
 * Hand-made fixtures for the unit tests of the pure core: baseline entries,
 * evenly spaced run samples and a complete profile result. Every number is
 * chosen to make the expected results easy to compute by hand.
 */
import type { BaselineEntry, BaselineFile, MetricComparison, ProfileResult, SampleSet, Testbed } from '../../src/types/index.js'

/** The testbed every fixture is measured on unless a test changes it. */
export const TESTBED: Testbed = {
  cpuModel: 'Test CPU @ 3.00GHz',
  cores: 8,
  os: 'linux 6.1.0',
  arch: 'x64',
  node: 'v20.20.2',
  onnxruntime: '1.30.0',
  executionProviders: ['cpu'],
  intraOpNumThreads: null,
  interOpNumThreads: null,
}

/** A sha256 made of one repeated hex digit, e.g. `sha('a')` = 64 x 'a'. */
export function sha(digit: string): string {
  return digit.repeat(64)
}

/**
 * `count` evenly spaced run times in ms, from `first` up by `step`:
 * `runs(10, 3)` = [10, 10.1, 10.2]. Rounded to 1e-9 so that the values read
 * like the literals they stand for.
 */
export function runs(first: number, count: number, step = 0.1): number[] {
  return Array.from({ length: count }, (_, i) => Math.round((first + i * step) * 1e9) / 1e9)
}

/** A `profile` entry with the given metrics and samples (and anything else overridden). */
export function profileEntry(metrics: Record<string, number>, samples: SampleSet = {}, extra: Partial<BaselineEntry> = {}): BaselineEntry {
  return { test: 'detector', kind: 'profile', metrics, samples, testbed: { ...TESTBED }, ...extra }
}

/** A `value` entry: one number gated on its own. */
export function valueEntry(value: number, better?: 'lower' | 'higher', extra: Partial<BaselineEntry> = {}): BaselineEntry {
  return { test: 'one number', kind: 'value', metrics: { value }, ...(better ? { better } : {}), samples: {}, testbed: { ...TESTBED }, ...extra }
}

/** A valid baseline file holding `entries`. */
export function baselineFile(entries: Record<string, BaselineEntry>): BaselineFile {
  return { perfgate: 1, entries }
}

/**
 * A complete profile result of a model, 5 measured runs:
 * latency samples [12, 10, 11, 10, 9] ms (run order), cpu [20, 18, 19, 18, 17] ms.
 * The distribution figures are those of these samples (mean 10.4 ms, sd = sqrt(1.3)),
 * throughput 1000 / 10.4 runs per second, batch 2.
 */
export function profileResult(overrides: Partial<ProfileResult> = {}): ProfileResult {
  return {
    kind: 'model',
    model: { path: 'models/det.onnx', bytes: 1234, sha256: sha('a') },
    loadMs: 35.5,
    firstRunMs: 14.25,
    warmupRuns: 2,
    latency: { n: 5, mean: 10.4, sd: Math.sqrt(1.3), min: 9, max: 12, p50: 10, p90: 11.6, p95: 11.8, p99: 11.96, cv: Math.sqrt(1.3) / 10.4 },
    cpu: { n: 5, mean: 18.4, sd: Math.sqrt(1.3), min: 17, max: 20, p50: 18, p90: 19.6, p95: 19.8, p99: 19.96, cv: Math.sqrt(1.3) / 18.4 },
    throughput: { runsPerSecond: 1000 / 10.4, samplesPerSecond: 2000 / 10.4, batchSize: 2 },
    memory: { rssBeforeLoadMB: 100, rssAfterLoadMB: 140, peakRssMB: 150.5, peakDeltaMB: 50.5, peakSource: 'vmhwm' },
    samples: { latency: [12, 10, 11, 10, 9], cpu: [20, 18, 19, 18, 17] },
    sampling: { runs: 5, stoppedBy: 'runs', medianHalfWidth: 0.1 },
    testbed: { ...TESTBED },
    options: { warmup: 2, runs: 5, dims: { h: 640, batch: 1 } },
    window: { start: 1_700_000_000_000, end: 1_700_000_000_100 },
    ...overrides,
  }
}

/** A regressed comparison row: latency.p95 10 -> 12 ms (+20%) against a 10% tolerance. */
export function regressedP95Row(extra: Partial<MetricComparison> = {}): MetricComparison {
  return {
    metric: 'latency.p95',
    unit: 'ms',
    better: 'lower',
    baseline: 10,
    current: 12,
    change: 2,
    changePct: 20,
    tolerance: '10%',
    verdict: 'regressed',
    ...extra,
  }
}

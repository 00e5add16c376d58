/** The result of `profile()`: its figures, distributions and memory, in the units the metric table states. */
import type { SampleSummary } from '../stats/summary.js'
import type { Calibration, Disturbance, ModelIdentity, OpProfile, Testbed } from './baseline.generated.js'

/** Distribution summary of per-run figures, in ms. */
export type Distribution = SampleSummary

export interface MemoryFigures {
  /** RSS before the session is created, MiB. */
  rssBeforeLoadMB: number
  /** RSS after the session is created, MiB (equals rssBeforeLoadMB for function profiles). */
  rssAfterLoadMB: number
  /** Peak RSS during the measured runs, MiB. */
  peakRssMB: number
  /** peakRssMB - rssBeforeLoadMB. */
  peakDeltaMB: number
  /** `vmhwm`: the kernel's high-water mark (Linux, reset before the runs); `sampled`: polled RSS. */
  peakSource: 'vmhwm' | 'sampled'
}

/** The result of `profile()`. Every figure is in ms, MiB (1024 x 1024 bytes) or runs per second. */
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
  /**
   * How measuring ended: `runs` (the minimum count was met, after the minimum time), `minTime` (the minimum time
   * was met, after the count: time set the number of runs), `precision` (adaptive: the median's
   * 99% interval reached ±precision), `budget` (adaptive: maxTime spent), `maxRuns`; and the median's
   * relative 99% half-width at the end (the result's own noise).
   */
  sampling: {
    runs: number
    stoppedBy: 'runs' | 'minTime' | 'precision' | 'budget' | 'maxRuns'
    medianHalfWidth: number
    /** Runs too short for a CPU-time read each: the CPU time was read on every `cpuEvery`-th measured run only, from the first (absent: every run). */
    cpuEvery?: number
  }
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
  /** The machine-speed reference measured around the runs, with the `calibrate` option. */
  calibration?: Calibration
  /** Sessions the measured runs were spread over (option `sessions`; 1 when not given). */
  sessions?: number
  /** How much other work on the machine disturbed the measured runs (see src/measure/run/disturbance.ts). */
  disturbance?: Disturbance
  /** Options perfgate's defaults for gated tests filled in (plugin option `profileDefaults`), and what that means. */
  gateDefaults?: { applied: ('intraOpNumThreads' | 'sessions' | 'calibrate')[]; note: string }
}

/** GPU memory around a profile, from nvidia-smi, MiB (what it calls MB). */
export interface GpuFigures {
  /** The GPUs nvidia-smi lists: index, name and total memory. */
  devices: { index: number; name: string; memoryTotalMB: number }[]
  /** Memory used on all GPUs together before the session was created, MiB. */
  usedBeforeLoadMB: number
  /** Memory used on all GPUs together after the session was created, MiB. */
  usedAfterLoadMB: number
  /** Memory used on all GPUs together after the measured runs, MiB. */
  usedAfterRunsMB: number
  /** usedAfterRunsMB - usedBeforeLoadMB (other processes on the GPU count too). */
  deltaMB: number
  /** GPU memory of this process after the runs (nvidia-smi's compute apps), when it lists it, MiB. */
  processMB?: number
}

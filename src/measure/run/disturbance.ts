/**
 * The rule that calls a measured run disturbed, and the summary a result and
 * a baseline entry keep of it. Pure: the evidence is read elsewhere
 * (run-loop.ts per run, contention-probe.ts at session boundaries).
 *
 * Rule version 1:
 * - a run is disturbed when the process was preempted during it (involuntary
 *   context switches > 0), or, in a single-threaded session and for a run of
 *   at least MIN_RATIO_RUN_MS, when its CPU time is below 0.8 of its wall time
 *   (the run waited for a core; shorter runs are left out of this test because
 *   a thread hand-off alone can cost a few tens of microseconds);
 * - the session's run-queue wait (the kernel's schedstat, all threads) above
 *   5% of the measured wall time, and more runnable tasks than the cores
 *   perfgate may use at the start or end, are reported as reasons beside the
 *   share; they mark no single run.
 */
import type { Disturbance } from '../../types/index.js'

export const DISTURBANCE_RULE_VERSION = 1
/** cpu / wall below this in a single-threaded run: the run waited. */
export const MIN_CPU_WALL_RATIO = 0.8
/** Runs shorter than this are not judged by their cpu / wall ratio, ms. */
export const MIN_RATIO_RUN_MS = 1
/** Run-queue wait above this share of the measured wall time is reported. */
export const MAX_RUN_QUEUE_WAIT_SHARE = 0.05

/** What the OS said about one measured run. */
export interface RunEvidence {
  wallMs: number
  cpuMs: number
  involuntarySwitches: number
}

/** Which of the per-run tests a run failed (empty: undisturbed). */
export function runDisturbance(run: RunEvidence, singleThreaded: boolean): ('involuntary switches' | 'cpu below wall')[] {
  const why: ('involuntary switches' | 'cpu below wall')[] = []
  if (run.involuntarySwitches > 0) why.push('involuntary switches')
  if (singleThreaded && run.wallMs >= MIN_RATIO_RUN_MS && run.cpuMs < MIN_CPU_WALL_RATIO * run.wallMs) why.push('cpu below wall')
  return why
}

/** Runnable tasks beside perfgate and the cores it may use, at the start and end of measuring. */
export interface LoadSeen {
  cores: number
  start: number
  end: number
}

export interface SessionEvidence {
  /** Measured wall time the run-queue wait is set against, ms. */
  wallMs: number
  /** Time this process's threads waited for a core while runnable, ms; undefined where the OS does not say. */
  runQueueWaitMs?: number
  load?: LoadSeen
}

/** The disturbance summary of a measurement: per-run samples in run order (same lengths) and the session evidence. */
export function summarizeDisturbance(
  samples: { latency: readonly number[]; cpu: readonly number[]; switches: readonly number[] },
  session: SessionEvidence,
  singleThreaded: boolean,
): Disturbance {
  const reasons = new Set<Disturbance['reasons'][number]>()
  let disturbedRuns = 0
  let involuntarySwitches = 0
  for (let i = 0; i < samples.latency.length; i++) {
    const run = { wallMs: samples.latency[i]!, cpuMs: samples.cpu[i]!, involuntarySwitches: samples.switches[i] ?? 0 }
    involuntarySwitches += run.involuntarySwitches
    const why = runDisturbance(run, singleThreaded)
    if (why.length > 0) disturbedRuns++
    for (const w of why) reasons.add(w)
  }
  const runs = samples.latency.length
  const { runQueueWaitMs, load } = session
  if (runQueueWaitMs !== undefined && session.wallMs > 0 && runQueueWaitMs > MAX_RUN_QUEUE_WAIT_SHARE * session.wallMs) reasons.add('run-queue wait')
  if (load && Math.max(load.start, load.end) > load.cores) reasons.add('load above cores')
  const order: Disturbance['reasons'] = ['involuntary switches', 'cpu below wall', 'run-queue wait', 'load above cores']
  return {
    rule: DISTURBANCE_RULE_VERSION,
    runs,
    disturbedRuns,
    share: runs > 0 ? disturbedRuns / runs : 0,
    involuntarySwitches,
    ...(runQueueWaitMs !== undefined ? { runQueueWaitMs } : {}),
    ...(load ? { load } : {}),
    reasons: order.filter((r) => reasons.has(r)),
  }
}

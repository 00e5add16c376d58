/**
 * Profiles an async function (a whole pipeline: tokenize, run, post-process)
 * with the same loop as a model, without the session fields; with
 * `calibrate`, the reference workload is measured right after it.
 */
import { perfgateError, PerfgateError } from '../../errors.js'
import type { ProfileResult } from '../../types/index.js'
import { acquireMeasureLock } from './machine-lock.js'
import { rssMB } from './memory.js'
import { recordedOptions, resolveLoopOptions, resolveSessionOptions, type ProfileOptions } from './options.js'
import { ReferenceWorkload } from '../model/reference-workload.js'
import { measureRuns } from './measure-runs.js'
import { runFigures } from './summarize-run.js'
import { summarizeDisturbance } from './disturbance.js'
import { collectTestbed } from './testbed.js'

export async function profileFunction(fn: () => unknown, options: ProfileOptions = {}): Promise<ProfileResult> {
  const loop = resolveLoopOptions(options)
  if (options.opProfile)
    throw perfgateError('OPTION_INVALID', {
      option: 'opProfile',
      value: options.opProfile,
      expected: 'no opProfile for a function: the operator profile needs a model path',
    })
  const { sessions, calibrate } = resolveSessionOptions(options)
  if (sessions !== 1)
    throw perfgateError('OPTION_INVALID', {
      option: 'sessions',
      value: sessions,
      expected: 'no sessions for a function: perfgate creates sessions only for a model path',
    })
  const release = await acquireMeasureLock(options.onProgress)
  const windowStart = Date.now()
  const reference = calibrate ? new ReferenceWorkload() : undefined
  try {
    const rssBeforeLoadMB = rssMB()
    const what = `The profiled function${fn.name ? ` ${fn.name}` : ''}`
    const run = async () => {
      try {
        return await fn()
      } catch (err) {
        throw perfgateError('RUN_FAILED', { what, detail: err instanceof Error ? err.message : String(err) }, err)
      }
    }
    const { firstRunMs, samples, peakRssMB, peakSource, contention } = await measureRuns(run, loop)
    await reference?.block()
    return {
      kind: 'function',
      firstRunMs,
      ...runFigures(samples, options.batchSize ?? 1),
      memory: { rssBeforeLoadMB, rssAfterLoadMB: rssBeforeLoadMB, peakRssMB, peakDeltaMB: peakRssMB - rssBeforeLoadMB, peakSource },
      testbed: collectTestbed('none'),
      options: recordedOptions(options, loop),
      window: { start: windowStart, end: Date.now() },
      ...(reference ? { calibration: reference.calibration() } : {}),
      // a function may wait on I/O or its own workers: its cpu / wall says nothing of the machine
      disturbance: summarizeDisturbance(samples, contention, false),
    }
  } catch (err) {
    if (err instanceof PerfgateError) throw err
    throw perfgateError('RUN_FAILED', { what: 'Profiling a function', detail: (err as Error).message }, err)
  } finally {
    release()
  }
}

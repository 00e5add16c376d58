/**
 * Profiles an async function (a whole pipeline: tokenize, run, post-process)
 * with the same loop as a model, without the session fields.
 */
import { perfgateError, PerfgateError } from '../errors.js'
import type { ProfileResult } from '../types/index.js'
import { acquireMeasureLock } from './machine-lock.js'
import { rssMB } from './memory.js'
import { recordedOptions, resolveLoopOptions, type ProfileOptions } from './options.js'
import { measureRuns } from './measure-runs.js'
import { runFigures } from './summarize-run.js'
import { collectTestbed } from './testbed.js'

export async function profileFunction(fn: () => unknown, options: ProfileOptions = {}): Promise<ProfileResult> {
  const loop = resolveLoopOptions(options)
  if (options.opProfile) throw perfgateError('OPTION_INVALID', { option: 'opProfile', value: options.opProfile, expected: 'no opProfile for a function: the operator profile needs a model path' })
  const release = await acquireMeasureLock(options.onProgress)
  const windowStart = Date.now()
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
    const { firstRunMs, samples, peakRssMB, peakSource } = await measureRuns(run, loop)
    return {
      kind: 'function',
      firstRunMs,
      ...runFigures(samples, options.batchSize ?? 1),
      memory: { rssBeforeLoadMB, rssAfterLoadMB: rssBeforeLoadMB, peakRssMB, peakDeltaMB: peakRssMB - rssBeforeLoadMB, peakSource },
      testbed: collectTestbed('none'),
      options: recordedOptions(options, loop),
      window: { start: windowStart, end: Date.now() },
    }
  } catch (err) {
    if (err instanceof PerfgateError) throw err
    throw perfgateError('RUN_FAILED', { what: 'Profiling a function', detail: (err as Error).message }, err)
  } finally {
    release()
  }
}

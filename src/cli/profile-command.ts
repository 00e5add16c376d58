/** `perfgate profile [model] [--runs N] [--warmup N] [--dims ...] [--json FILE] [--csv FILE]` */
import { resolve } from 'node:path'
import type { ProfileOptions } from '../measure/run/options.js'
import { PROFILE_SPEC } from '../options/profile-spec.js'
import { profile } from '../measure/profile.js'
import { profileTable } from '../report/profile-table.js'
import { profileCsv } from '../report/results-csv.js'
import { DEFAULT_MODEL_DIMS, DEFAULT_MODEL_PATH } from './default-model.js'
import { EXIT, type CliIo } from './io.js'
import { parseDims } from './parse-dims.js'
import { parseOrUsage, usageError } from './usage.js'
import { runCommand } from './experiment-args.js'
import { writeOutputs } from './output-files.js'
import { withProgress } from './progress.js'



export function intOption(io: CliIo, name: string, v: string | undefined, min: number, max?: number): number | undefined | null {
  if (v === undefined) return undefined
  if (!/^\d+$/.test(v) || Number(v) < min || (max !== undefined && Number(v) > max)) {
    usageError(io, `--${name} expects ${max === undefined ? `an integer >= ${min}` : `an integer from ${min} to ${max}`}, got '${v}'`)
    return null
  }
  return Number(v)
}

export async function profileCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseOrUsage(io, args, {
        runs: { type: 'string' },
        warmup: { type: 'string' },
        'min-time': { type: 'string' },
        dims: { type: 'string' },
        threads: { type: 'string' },
        sessions: { type: 'string' },
        calibrate: { type: 'boolean' },
        json: { type: 'string' },
        csv: { type: 'string' },
      })
  if (!parsed) return EXIT.usage
  const { values, positionals } = parsed
  if (positionals.length > 1) return usageError(io, `profile takes one model, got ${positionals.length}: ${positionals.join(' ')}`)
  // the flags' bounds are the options' own (PROFILE_SPEC), so the CLI names the flag
  const runs = intOption(io, 'runs', values.runs, 1, PROFILE_SPEC.runs.check.max)
  const warmup = intOption(io, 'warmup', values.warmup, 0, PROFILE_SPEC.warmup.check.max)
  const minTime = intOption(io, 'min-time', values['min-time'], 0, PROFILE_SPEC.minTime.check.max)
  const threads = intOption(io, 'threads', values.threads, 1)
  const sessions = intOption(io, 'sessions', values.sessions, 1, PROFILE_SPEC.sessions.check.max)
  if (runs === null || warmup === null || minTime === null || threads === null || sessions === null) return EXIT.usage
  let dims: Record<string, number> | undefined
  if (values.dims !== undefined) {
    const d = parseDims(values.dims)
    if (!d) return usageError(io, `--dims expects name=value pairs separated by commas, e.g. --dims batch=1,height=224; got '${values.dims}'`)
    dims = d
  }
  const model = positionals[0] ? resolve(io.cwd, positionals[0]) : DEFAULT_MODEL_PATH
  const options: ProfileOptions = {
    dims: positionals[0] ? dims : { ...DEFAULT_MODEL_DIMS, ...dims },
    runs,
    warmup,
    minTime,
    session: threads ? { intraOpNumThreads: threads } : undefined,
    sessions,
    calibrate: values.calibrate,
  }
  return runCommand(io, () =>
    withProgress(io, `profiling ${positionals[0] ?? 'the default model'}`, async () => {
      const result = await profile(model, options)
      io.stdout.write(`${profileTable(result)}\n`)
      return writeOutputs(io, values, result, () => profileCsv(result)) ? EXIT.ok : EXIT.failure
    }),
  )
}

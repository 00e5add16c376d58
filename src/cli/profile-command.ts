/** `perfgate profile [model] [--runs N] [--warmup N] [--dims ...] [--json FILE] [--csv FILE]` */
import { errorMessage } from '../errors.js'
import { resolve } from 'node:path'
import type { ProfileOptions } from '../measure/run/options.js'
import { PROFILE_SPEC } from '../options/profile-spec.js'
import { profile } from '../measure/profile.js'
import { opProfileTable } from '../report/op-table.js'
import { profileTable } from '../report/profile-table.js'
import { profileCsv } from '../report/results-csv.js'
import { DEFAULT_MODEL_DIMS, DEFAULT_MODEL_PATH } from './default-model.js'
import { EXIT, type CliIo } from './io.js'
import { PROFILE_FLAGS } from './command-flags.js'
import { intArg, runCommand } from './experiment-args.js'
import { parseFlags } from './parse-flags.js'
import { dimsArg } from './parse-dims.js'
import { UsageError } from './usage.js'
import { writeOutputs } from './output-files.js'
import { withProgress } from './progress.js'

export function profileCommand(args: readonly string[], io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const { values, positionals } = parseFlags(args, PROFILE_FLAGS)
    if (positionals.length > 1) throw new UsageError(errorMessage('USAGE_ONE_MODEL', { command: 'profile', given: positionals }))
    // the flags' bounds are the options' own (PROFILE_SPEC), so the CLI names the flag
    const runs = intArg('runs', values.runs, 1, PROFILE_SPEC.runs.check.max)
    const warmup = intArg('warmup', values.warmup, 0, PROFILE_SPEC.warmup.check.max)
    const minTime = intArg('min-time', values['min-time'], 0, PROFILE_SPEC.minTime.check.max)
    const threads = intArg('threads', values.threads, 1)
    const sessions = intArg('sessions', values.sessions, 1, PROFILE_SPEC.sessions.check.max)
    const dims = dimsArg(values.dims)
    const model = positionals[0] ? resolve(io.cwd, positionals[0]) : DEFAULT_MODEL_PATH
    const options: ProfileOptions = {
      dims: positionals[0] ? dims : { ...DEFAULT_MODEL_DIMS, ...dims },
      runs,
      warmup,
      minTime,
      session: threads ? { intraOpNumThreads: threads } : undefined,
      sessions,
      calibrate: values.calibrate,
      opProfile: values['op-profile'],
    }
    return withProgress(io, `profiling ${positionals[0] ?? 'the default model'}`, async () => {
      const result = await profile(model, options)
      io.stdout.write(`${profileTable(result)}\n`)
      if (result.opProfile) io.stdout.write(`\n${opProfileTable(result.opProfile)}\n`)
      return writeOutputs(io, values, result, () => profileCsv(result)) ? EXIT.ok : EXIT.failure
    })
  })
}

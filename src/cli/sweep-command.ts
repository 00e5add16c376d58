/**
 * `perfgate sweep [model] --over axis=v1,v2,... [--dims ...] [--runs N] [--json FILE] [--csv FILE]`;
 * with `--prompts FILE` a generation sweep of a language model folder (default: the embedded tiny-gpt)
 * over maxNewTokens, batchSize or promptTokens.
 */
import { errorMessage } from '../errors.js'
import { PROFILE_SPEC } from '../options/profile-spec.js'
import { resolve } from 'node:path'
import { profile } from '../measure/profile.js'
import type { SweepOptions } from '../measure/experiments/sweep.js'
import { generationSweepCsv, sweepCsv } from '../report/experiment-csv.js'
import { generationSweepTable } from '../report/generation-sweep-table.js'
import { sweepTable } from '../report/sweep-table.js'
import { DEFAULT_LANGUAGE_MODEL_DIR, DEFAULT_MODEL_DIMS, DEFAULT_MODEL_PATH } from './default-model.js'
import { intArg, overArg, progressTo, runCommand } from './experiment-args.js'
import { SWEEP_FLAGS } from './command-flags.js'
import { parseFlags } from './parse-flags.js'
import { dimsArg } from './parse-dims.js'
import { UsageError } from './usage.js'
import { writeOutputs } from './output-files.js'
import { EXIT, type CliIo } from './io.js'

export function sweepCommand(args: readonly string[], io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const { values, positionals } = parseFlags(args, SWEEP_FLAGS)
    if (positionals.length > 1) throw new UsageError(errorMessage('USAGE_ONE_MODEL', { command: 'sweep', given: positionals }))
    const over = overArg(values.over)
    const dims = dimsArg(values.dims)
    const threads = intArg('threads', values.threads, 1)
    if (values.prompts !== undefined) {
      for (const flag of ['dims', 'min-time'] as const) {
        if (values[flag] !== undefined)
          throw new UsageError(errorMessage('USAGE_NOT_WITH_PROMPTS', { flag, reason: 'a generation sweep runs whole prompts, not one session.run' }))
      }
      const model = positionals[0] ? resolve(io.cwd, positionals[0]) : DEFAULT_LANGUAGE_MODEL_DIR
      const result = await profile.sweep(model, {
        generate: {
          prompts: resolve(io.cwd, values.prompts),
          maxNewTokens: intArg('max-new-tokens', values['max-new-tokens'], 1),
          runs: intArg('runs', values.runs, 1),
          warmup: intArg('warmup', values.warmup, 0),
          session: threads ? { intraOpNumThreads: threads } : undefined,
          onProgress: progressTo(io),
        },
        over: over as Record<string, number[]>,
      })
      io.stdout.write(`${generationSweepTable(result, positionals[0] ?? 'the default language model (tiny-gpt)')}\n`)
      return writeOutputs(io, values, result, () => generationSweepCsv(result)) ? EXIT.ok : EXIT.failure
    }
    if (values['max-new-tokens'] !== undefined)
      throw new UsageError(errorMessage('USAGE_NEEDS_PROMPTS', { flag: 'max-new-tokens', what: 'a generation sweep' }))
    const model = positionals[0] ? resolve(io.cwd, positionals[0]) : DEFAULT_MODEL_PATH
    const options: SweepOptions = {
      over,
      dims: positionals[0] ? dims : { ...DEFAULT_MODEL_DIMS, ...dims },
      runs: intArg('runs', values.runs, 1, PROFILE_SPEC.runs.check.max),
      warmup: intArg('warmup', values.warmup, 0, PROFILE_SPEC.warmup.check.max),
      minTime: intArg('min-time', values['min-time'], 0, PROFILE_SPEC.minTime.check.max),
      session: threads ? { intraOpNumThreads: threads } : undefined,
      onProgress: progressTo(io),
    }
    const result = await profile.sweep(model, options)
    io.stdout.write(`${sweepTable(result, positionals[0] ?? 'the default model (tiny-gpt decoder)')}\n`)
    return writeOutputs(io, values, result, () => sweepCsv(result)) ? EXIT.ok : EXIT.failure
  })
}

/**
 * `perfgate load [model] [--concurrency 1,2,4] [--duration MS] [--rate N] [--slo p95=50] [--json FILE] [--csv FILE]`;
 * with `--prompts FILE` each request is one generation from a language model folder (default: the embedded tiny-gpt).
 */
import { errorMessage } from '../errors.js'
import { LOAD_SPEC } from '../options/experiment-specs.js'
import { resolve } from 'node:path'
import type { LoadOptions } from '../measure/load/load.js'
import { profile } from '../measure/profile.js'
import { loadCsv } from '../report/experiment-csv.js'
import { loadTable } from '../report/load-table.js'
import { DEFAULT_LANGUAGE_MODEL_DIR, DEFAULT_MODEL_DIMS, DEFAULT_MODEL_PATH } from './default-model.js'
import { intArg, intListArg, numberArg, progressTo, runCommand, sloArg } from './experiment-args.js'
import { LOAD_FLAGS } from './command-flags.js'
import { parseFlags } from './parse-flags.js'
import { dimsArg } from './parse-dims.js'
import { UsageError } from './usage.js'
import { writeOutputs } from './output-files.js'
import { EXIT, type CliIo } from './io.js'

export function loadCommand(args: readonly string[], io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const { values, positionals } = parseFlags(args, LOAD_FLAGS)
    if (positionals.length > 1) throw new UsageError(errorMessage('USAGE_ONE_MODEL', { command: 'load', given: positionals }))
    const dims = dimsArg(values.dims)
    const threads = intArg('threads', values.threads, 1)
    const generating = values.prompts !== undefined
    if (generating && dims) throw new UsageError(errorMessage('USAGE_NOT_WITH_PROMPTS', { flag: 'dims', reason: 'each request generates from a prompt' }))
    if (!generating && values['max-new-tokens'] !== undefined)
      throw new UsageError(errorMessage('USAGE_NEEDS_PROMPTS', { flag: 'max-new-tokens', what: 'a generation load test' }))
    const model = positionals[0] ? resolve(io.cwd, positionals[0]) : generating ? DEFAULT_LANGUAGE_MODEL_DIR : DEFAULT_MODEL_PATH
    const options: LoadOptions = {
      concurrency: intListArg('concurrency', values.concurrency),
      durationMs: intArg('duration', values.duration, 1, LOAD_SPEC.durationMs.check.max),
      rate: numberArg('rate', values.rate),
      slo: sloArg(values.slo),
      maxRequests: intArg('max-requests', values['max-requests'], 1),
      ...(generating
        ? { generate: { prompts: resolve(io.cwd, values.prompts!), maxNewTokens: intArg('max-new-tokens', values['max-new-tokens'], 1) } }
        : { dims: positionals[0] ? dims : { ...DEFAULT_MODEL_DIMS, ...dims } }),
      session: threads ? { intraOpNumThreads: threads } : undefined,
      onProgress: progressTo(io),
    }
    const result = await profile.load(model, options)
    io.stdout.write(
      `${loadTable({ ...result, target: positionals[0] ?? (generating ? 'the default language model (tiny-gpt)' : 'the default model (tiny-gpt decoder)') })}\n`,
    )
    if (!writeOutputs(io, values, result, () => loadCsv(result))) return EXIT.failure
    // with an SLO the command is a gate: no sustainable level fails it
    if (options.slo && result.sustainable === null) {
      io.stderr.write(`perfgate: ${errorMessage('LOAD_SLO_UNMET')}\n`)
      return EXIT.failure
    }
    return EXIT.ok
  })
}

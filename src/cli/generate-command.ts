/**
 * `perfgate profile --prompts FILE [model] [--max-new-tokens N] [--csv FILE] [--json FILE] ...`:
 * profiles text generation and prints the per-prompt table. Without a model it
 * generates with the embedded default language model (bench/models/tiny-gpt).
 */
import { errorMessage } from '../errors.js'
import { resolve } from 'node:path'
import type { GenerateOptions } from '../measure/generation/generate-options.js'
import { profile } from '../measure/profile.js'
import { generationCsv } from '../report/generation-csv.js'
import { generationTable } from '../report/generation-table.js'
import { DEFAULT_LANGUAGE_MODEL_DIR } from './default-model.js'
import { EXIT, type CliIo } from './io.js'
import { GENERATE_FLAGS } from './command-flags.js'
import { intArg, runCommand } from './experiment-args.js'
import { parseFlags } from './parse-flags.js'
import { UsageError } from './usage.js'
import { writeOutputs } from './output-files.js'
import { withProgress } from './progress.js'

/** `profile` arguments that ask for generation rather than one session.run. */
export function wantsGeneration(args: readonly string[]): boolean {
  return args.some((a) => a === '--prompts' || a.startsWith('--prompts='))
}

export function generateCommand(args: readonly string[], io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const { values, positionals } = parseFlags(args, GENERATE_FLAGS)
    for (const flag of ['min-time', 'dims'] as const) {
      if (values[flag] !== undefined)
        throw new UsageError(errorMessage('USAGE_NOT_WITH_PROMPTS', { flag, reason: 'generation runs whole prompts, not one session.run' }))
    }
    if (positionals.length > 1) throw new UsageError(errorMessage('USAGE_ONE_MODEL', { command: 'profile', given: positionals }))
    if (!values.prompts) throw new UsageError(errorMessage('USAGE_PROMPTS_FILE'))
    const maxNewTokens = intArg('max-new-tokens', values['max-new-tokens'], 1)
    const runs = intArg('runs', values.runs, 1)
    const warmup = intArg('warmup', values.warmup, 0)
    const batchSize = intArg('batch-size', values['batch-size'], 1)
    const threads = intArg('threads', values.threads, 1)

    const model = positionals[0] ? resolve(io.cwd, positionals[0]) : DEFAULT_LANGUAGE_MODEL_DIR
    const options: GenerateOptions = {
      prompts: resolve(io.cwd, values.prompts),
      maxNewTokens,
      runs,
      warmup,
      batchSize,
      ignoreEos: values['stop-at-eos'] ? false : undefined,
      session: threads ? { intraOpNumThreads: threads } : undefined,
    }
    return withProgress(io, `generating with ${positionals[0] ?? 'the default language model'}`, async () => {
      const result = await profile.generate(model, options)
      io.stdout.write(`${generationTable(result)}\n`)
      return writeOutputs(io, values, result, () => generationCsv(result)) ? EXIT.ok : EXIT.failure
    })
  })
}

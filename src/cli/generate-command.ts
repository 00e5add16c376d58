/**
 * `perfgate profile --prompts FILE [model] [--max-new-tokens N] [--csv FILE] [--json FILE] ...`:
 * profiles text generation and prints the per-prompt table. Without a model it
 * generates with the embedded default language model (bench/models/tiny-gpt).
 */
import { resolve } from 'node:path'
import type { GenerateOptions } from '../measure/generation/generate-options.js'
import { profile } from '../measure/profile.js'
import { generationCsv } from '../report/generation-csv.js'
import { generationTable } from '../report/generation-table.js'
import { DEFAULT_LANGUAGE_MODEL_DIR } from './default-model.js'
import { EXIT, type CliIo } from './io.js'
import { intOption } from './profile-command.js'
import { parseOrUsage, usageError } from './usage.js'
import { runCommand } from './experiment-args.js'
import { writeOutputs } from './output-files.js'
import { withProgress } from './progress.js'


/** `profile` arguments that ask for generation rather than one session.run. */
export function wantsGeneration(args: readonly string[]): boolean {
  return args.some((a) => a === '--prompts' || a.startsWith('--prompts='))
}

export async function generateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseOrUsage(io, args, {
        prompts: { type: 'string' },
        'max-new-tokens': { type: 'string' },
        runs: { type: 'string' },
        warmup: { type: 'string' },
        'batch-size': { type: 'string' },
        'stop-at-eos': { type: 'boolean' },
        threads: { type: 'string' },
        json: { type: 'string' },
        csv: { type: 'string' },
        // options of a single-run profile, refused here with a reason
        'min-time': { type: 'string' },
        dims: { type: 'string' },
      })
  if (!parsed) return EXIT.usage
  const { values, positionals } = parsed
  for (const flag of ['min-time', 'dims'] as const) {
    if (values[flag] !== undefined) return usageError(io, `--${flag} does not apply with --prompts (generation runs whole prompts, not one session.run)`)
  }
  if (positionals.length > 1) return usageError(io, `profile takes one model, got ${positionals.length}: ${positionals.join(' ')}`)
  if (!values.prompts) return usageError(io, '--prompts expects a file: one prompt per line, or a JSON array of strings')
  const maxNewTokens = intOption(io, 'max-new-tokens', values['max-new-tokens'], 1)
  const runs = intOption(io, 'runs', values.runs, 1)
  const warmup = intOption(io, 'warmup', values.warmup, 0)
  const batchSize = intOption(io, 'batch-size', values['batch-size'], 1)
  const threads = intOption(io, 'threads', values.threads, 1)
  if ([maxNewTokens, runs, warmup, batchSize, threads].includes(null)) return EXIT.usage

  const model = positionals[0] ? resolve(io.cwd, positionals[0]) : DEFAULT_LANGUAGE_MODEL_DIR
  const options: GenerateOptions = {
    prompts: resolve(io.cwd, values.prompts),
    maxNewTokens: maxNewTokens ?? undefined,
    runs: runs ?? undefined,
    warmup: warmup ?? undefined,
    batchSize: batchSize ?? undefined,
    ignoreEos: values['stop-at-eos'] ? false : undefined,
    session: threads ? { intraOpNumThreads: threads } : undefined,
  }
  return runCommand(io, () =>
    withProgress(io, `generating with ${positionals[0] ?? 'the default language model'}`, async () => {
      const result = await profile.generate(model, options)
      io.stdout.write(`${generationTable(result)}\n`)
      return writeOutputs(io, values, result, () => generationCsv(result)) ? EXIT.ok : EXIT.failure
    }),
  )
}

/** `perfgate compare-models [name=]a.onnx [name=]b.onnx ... [--reference NAME] [--rounds N] [--json FILE] [--csv FILE]` */
import { errorMessage } from '../errors.js'
import { basename, resolve } from 'node:path'
import type { CompareModelsOptions } from '../measure/experiments/compare-models.js'
import { profile } from '../measure/profile.js'
import { compareTable } from '../report/compare-table.js'
import { compareCsv } from '../report/experiment-csv.js'
import { intArg, progressTo, runCommand } from './experiment-args.js'
import { COMPARE_MODELS_FLAGS } from './command-flags.js'
import { parseFlags } from './parse-flags.js'
import { dimsArg } from './parse-dims.js'
import { UsageError } from './usage.js'
import { writeOutputs } from './output-files.js'
import { EXIT, type CliIo } from './io.js'

/** `fp32=a.onnx` names a variant; a bare path is named by its file name (without .onnx). */
export function variantsArg(positionals: readonly string[], cwd: string): Record<string, string> {
  if (positionals.length < 2) throw new UsageError(errorMessage('USAGE_MODELS_TOO_FEW', { count: positionals.length }))
  const out: Record<string, string> = {}
  for (const p of positionals) {
    const m = /^([A-Za-z_][\w.-]*)=(.+)$/.exec(p)
    const name = m ? m[1]! : basename(p).replace(/\.onnx$/i, '')
    if (name in out) throw new UsageError(errorMessage('USAGE_VARIANT_TWICE', { name, path: p }))
    out[name] = resolve(cwd, m ? m[2]! : p)
  }
  return out
}

export function compareModelsCommand(args: readonly string[], io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const { values, positionals } = parseFlags(args, COMPARE_MODELS_FLAGS)
    const variants = variantsArg(positionals, io.cwd)
    const threads = intArg('threads', values.threads, 1)
    const options: CompareModelsOptions = {
      reference: values.reference,
      rounds: intArg('rounds', values.rounds, 1),
      runsPerRound: intArg('runs-per-round', values['runs-per-round'], 1),
      warmup: intArg('warmup', values.warmup, 0),
      processRounds: intArg('process-rounds', values['process-rounds'], 1),
      dims: dimsArg(values.dims),
      session: threads ? { intraOpNumThreads: threads } : undefined,
      onProgress: progressTo(io),
    }
    const result = await profile.compare(variants, options)
    io.stdout.write(`${compareTable(result)}\n`)
    return writeOutputs(io, values, result, () => compareCsv(result)) ? EXIT.ok : EXIT.failure
  })
}

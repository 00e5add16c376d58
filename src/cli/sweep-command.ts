/** `perfgate sweep [model] --over axis=v1,v2,... [--dims ...] [--runs N] [--json FILE] [--csv FILE]` */
import { resolve } from 'node:path'
import { profile } from '../measure/profile.js'
import type { SweepOptions } from '../measure/sweep.js'
import { sweepCsv } from '../report/experiment-csv.js'
import { sweepTable } from '../report/sweep-table.js'
import { DEFAULT_MODEL_DIMS, DEFAULT_MODEL_PATH } from './default-model.js'
import { dimsArg, intArg, overArg, parseCommand, progressTo, runCommand, UsageError, writeOutputs } from './experiment-args.js'
import { EXIT, type CliIo } from './io.js'

export function sweepCommand(args: readonly string[], io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const { values, positionals } = parseCommand(args, {
      over: { type: 'string' },
      dims: { type: 'string' },
      runs: { type: 'string' },
      warmup: { type: 'string' },
      'min-time': { type: 'string' },
      threads: { type: 'string' },
      json: { type: 'string' },
      csv: { type: 'string' },
    })
    if (positionals.length > 1) throw new UsageError(`sweep takes one model, got ${positionals.length}: ${positionals.join(' ')}`)
    const over = overArg(values.over)
    const dims = dimsArg(values.dims)
    const threads = intArg('threads', values.threads, 1)
    const model = positionals[0] ? resolve(io.cwd, positionals[0]) : DEFAULT_MODEL_PATH
    const options: SweepOptions = {
      over,
      dims: positionals[0] ? dims : { ...DEFAULT_MODEL_DIMS, ...dims },
      runs: intArg('runs', values.runs, 1),
      warmup: intArg('warmup', values.warmup, 0),
      minTime: intArg('min-time', values['min-time'], 0),
      session: threads ? { intraOpNumThreads: threads } : undefined,
      onProgress: progressTo(io),
    }
    const result = await profile.sweep(model, options)
    io.stdout.write(`${sweepTable(result, positionals[0] ?? 'the default model (tiny-gpt decoder)')}\n`)
    return writeOutputs(io, values, result, () => sweepCsv(result)) ? EXIT.ok : EXIT.failure
  })
}

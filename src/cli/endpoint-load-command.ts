/**
 * `perfgate load <URL> --model NAME --prompts FILE [--concurrency 1,2,4 | --rate 2,4 [--burstiness X]]
 * [--duration MS] [--max-requests N] [--slo-ttft-ms MS] [--slo-tpot-ms MS] [--slo-e2e-ms MS] [--find-max] ...`:
 * a load test of an OpenAI-compatible streaming server; prints the per-level table. With an SLO it is a
 * gate: no level meeting it exits 1.
 */
import { errorMessage } from '../errors.js'
import type { EndpointLoadOptions } from '../measure/endpoint-load/endpoint-load.js'
import type { EndpointUrl } from '../measure/endpoint/endpoint-options.js'
import { shownUrl } from '../measure/endpoint/endpoint-identity.js'
import { profile } from '../measure/profile.js'
import { loadCsv } from '../report/experiment-csv.js'
import { loadTable } from '../report/load-table.js'
import type { LoadSlo } from '../types/index.js'
import { ENDPOINT_LOAD_FLAGS } from './command-flags.js'
import { endpointOptions } from './endpoint-command.js'
import { intArg, intListArg, numberArg, progressTo, runCommand, sloArg } from './experiment-args.js'
import { EXIT, type CliIo } from './io.js'
import { writeOutputs } from './output-files.js'
import { parseFlags, type FlagValues } from './parse-flags.js'
import { UsageError } from './usage.js'

type Values = FlagValues<typeof ENDPOINT_LOAD_FLAGS>

function rateList(v: string | undefined): number[] | undefined {
  if (v === undefined) return undefined
  return v.split(',').map((part) => numberArg('rate', part.trim())!)
}

/** --slo (E2E percentiles, errorRate) with the per-request bounds. */
function endpointSlo(values: Values): LoadSlo | undefined {
  const slo: LoadSlo = { ...sloArg(values.slo) }
  const bound = (flag: 'slo-ttft-ms' | 'slo-tpot-ms' | 'slo-e2e-ms') => numberArg(flag, values[flag])
  const [ttftMs, tpotMs, e2eMs] = [bound('slo-ttft-ms'), bound('slo-tpot-ms'), bound('slo-e2e-ms')]
  if (ttftMs !== undefined) slo.ttftMs = ttftMs
  if (tpotMs !== undefined) slo.tpotMs = tpotMs
  if (e2eMs !== undefined) slo.e2eMs = e2eMs
  const attainment = numberArg('slo-attainment', values['slo-attainment'])
  if (attainment !== undefined) {
    if (attainment > 1) throw new UsageError(errorMessage('USAGE_ARGS', { detail: `--slo-attainment expects a share between 0 and 1, got '${attainment}'` }))
    slo.attainment = attainment
  }
  return Object.keys(slo).length > 0 ? slo : undefined
}

export function endpointLoadCommand(args: readonly string[], io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const { values, positionals } = parseFlags(args, ENDPOINT_LOAD_FLAGS)
    if (positionals.length > 1) throw new UsageError(errorMessage('USAGE_ONE_MODEL', { command: 'load', given: positionals.map(shownUrl) }))
    const url = positionals[0] as EndpointUrl
    const { runs: _runs, warmup: _warmup, ...generate } = endpointOptions(values, io.cwd)
    const slo = endpointSlo(values)
    const options: EndpointLoadOptions = {
      generate,
      concurrency: intListArg('concurrency', values.concurrency),
      rate: rateList(values.rate),
      burstiness: numberArg('burstiness', values.burstiness),
      durationMs: intArg('duration', values.duration, 1),
      maxRequests: intArg('max-requests', values['max-requests'], 1),
      warmup: intArg('warmup', values.warmup, 0),
      seed: intArg('seed', values.seed, 0),
      findMax: values['find-max'] ? true : undefined,
      slo,
      onProgress: progressTo(io),
    }
    const result = await profile.load(url, options)
    io.stdout.write(`${loadTable(result)}\n`)
    if (!writeOutputs(io, values, result, () => loadCsv(result))) return EXIT.failure
    if (slo && result.sustainable === null) {
      io.stderr.write(`perfgate: ${errorMessage('LOAD_SLO_UNMET')}\n`)
      return EXIT.failure
    }
    return EXIT.ok
  })
}

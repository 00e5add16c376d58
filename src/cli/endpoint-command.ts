/**
 * `perfgate profile <http(s) URL> --model NAME --prompts FILE [--max-new-tokens N] [--api chat|completions]
 * [--api-key-env NAME] [--json FILE] [timeouts]`: profiles an OpenAI-compatible streaming server and prints
 * the per-prompt table. The API key is read from the environment, never from a flag.
 */
import { resolve } from 'node:path'
import { errorMessage } from '../errors.js'
import type { EndpointGenerateOptions } from '../measure/endpoint/endpoint-options.js'
import { shownUrl } from '../measure/endpoint/endpoint-identity.js'
import { profileEndpoint } from '../measure/endpoint/endpoint-profile.js'
import { ENDPOINT_GENERATE_SPEC, ENDPOINT_TIMEOUTS_SPEC } from '../options/endpoint-spec.js'
import { generationCsv } from '../report/generation-csv.js'
import { generationTable } from '../report/generation-table.js'
import { ENDPOINT_FLAGS } from './command-flags.js'
import { intArg, runCommand } from './experiment-args.js'
import { EXIT, type CliIo } from './io.js'
import { writeOutputs } from './output-files.js'
import { parseFlags } from './parse-flags.js'
import { withProgress } from './progress.js'
import { UsageError } from './usage.js'

/** `profile` arguments that name a server: the first positional is an http(s) URL. */
export function wantsEndpoint(args: readonly string[]): boolean {
  return args.some((a) => /^https?:\/\//i.test(a))
}

/** The options the flags give; each malformed value is a UsageError naming its flag. */
export function endpointOptions(values: ReturnType<typeof parseFlags<typeof ENDPOINT_FLAGS>>['values'], cwd: string): EndpointGenerateOptions {
  if (!values.model) throw new UsageError(errorMessage('USAGE_ARGS', { detail: 'profile <URL> needs --model NAME: the model name the server serves' }))
  if (!values.prompts) throw new UsageError(errorMessage('USAGE_PROMPTS_FILE'))
  const api = values.api
  if (api !== undefined && api !== 'chat' && api !== 'completions') {
    throw new UsageError(errorMessage('USAGE_ARGS', { detail: `--api expects chat or completions, got '${api}'` }))
  }
  const ms = (flag: 'connect-timeout' | 'first-token-timeout' | 'total-timeout') => intArg(flag, values[flag], 1, ENDPOINT_TIMEOUTS_SPEC.totalMs.check.max)
  const timeouts = { connectMs: ms('connect-timeout'), firstTokenMs: ms('first-token-timeout'), totalMs: ms('total-timeout') }
  return {
    model: values.model,
    prompts: resolve(cwd, values.prompts),
    maxNewTokens: intArg('max-new-tokens', values['max-new-tokens'], 1, ENDPOINT_GENERATE_SPEC.maxNewTokens.check.max),
    api,
    apiKeyEnv: values['api-key-env'],
    runs: intArg('runs', values.runs, 1, ENDPOINT_GENERATE_SPEC.runs.check.max),
    warmup: intArg('warmup', values.warmup, 0, ENDPOINT_GENERATE_SPEC.warmup.check.max),
    ignoreEos: values['stop-at-eos'] ? false : undefined,
    tokenizer: values.tokenizer === undefined ? undefined : resolve(cwd, values.tokenizer),
    timeouts: Object.fromEntries(Object.entries(timeouts).filter(([, v]) => v !== undefined)),
  }
}

export function endpointCommand(args: readonly string[], io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const { values, positionals } = parseFlags(args, ENDPOINT_FLAGS)
    if (positionals.length > 1) throw new UsageError(errorMessage('USAGE_ONE_MODEL', { command: 'profile', given: positionals.map(shownUrl) }))
    const url = positionals[0]!
    const options = endpointOptions(values, io.cwd)
    return withProgress(io, `profiling ${shownUrl(url)}`, async () => {
      const result = await profileEndpoint(url, options, io.env)
      io.stdout.write(`${generationTable(result)}\n`)
      return writeOutputs(io, values, result, () => generationCsv(result)) ? EXIT.ok : EXIT.failure
    })
  })
}

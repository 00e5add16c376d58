/** Options of `profile.generate(url, options)`: their defaults, documentation and validation. */
import { perfgateError } from '../../errors.js'
import { ENDPOINT_GENERATE_SPEC } from '../../options/endpoint-spec.js'
import { validateOptions } from '../../options/validate-options.js'
import type { EndpointApi, EndpointTimeouts } from '../../types/endpoint.js'

/** An http(s) URL: `profile.generate` measures the server there instead of a local model. */
export type EndpointUrl = `http://${string}` | `https://${string}`

export interface EndpointGenerateOptions {
  /** The `model` field of every request (the name the server serves the model under). Required. */
  model: string
  /** The prompts: an array of strings, or a prompts file (one per line, or a JSON array). Required, at least one. */
  prompts: readonly string[] | string
  /** Output tokens to ask for per request (`max_tokens` / `max_completion_tokens`). @default 32 */
  maxNewTokens?: number
  /** `chat`: POST {url}/chat/completions with the prompt as one user message; `completions`: POST {url}/completions. @default 'chat' */
  api?: EndpointApi
  /**
   * Send `ignore_eos: true` so that every request generates maxNewTokens (a vLLM and llama.cpp extension;
   * other servers may ignore it). @default true
   */
  ignoreEos?: boolean
  /** Warm-up passes over every prompt before measuring (not recorded). @default 1 */
  warmup?: number
  /** Measured passes over every prompt, one request at a time (requests = prompts x runs). @default 10 */
  runs?: number
  /** Extra request headers: sent with every request, never recorded in a result, a report or an error. @default {} */
  headers?: Readonly<Record<string, string>>
  /**
   * The environment variable that holds the API key (sent as `Authorization: Bearer`); it must be set.
   * @default OPENAI_API_KEY when it is set, else no key
   */
  apiKeyEnv?: string
  /**
   * A tokenizer.json, or a folder holding one, to count output tokens (the joined text, no special tokens)
   * and prompt tokens when the server sends no usage. @default none: content chunks, flagged as an estimate
   */
  tokenizer?: string
  /** Per-request time limits in ms. @default { connectMs: 10000, firstTokenMs: 60000, totalMs: 300000 } */
  timeouts?: Partial<EndpointTimeouts>
  /** Called with progress messages. @default none */
  onProgress?: (message: string) => void
}

export interface ResolvedEndpointOptions {
  model: string
  maxNewTokens: number
  api: EndpointApi
  ignoreEos: boolean
  warmup: number
  runs: number
  timeouts: EndpointTimeouts
}

export const ENDPOINT_TIMEOUT_DEFAULTS: Readonly<EndpointTimeouts> = { connectMs: 10_000, firstTokenMs: 60_000, totalMs: 300_000 }

/** Checks every option (see ENDPOINT_GENERATE_SPEC) and fills in the defaults. */
export function resolveEndpointOptions(o: EndpointGenerateOptions, call = 'profile.generate'): ResolvedEndpointOptions {
  if (typeof o !== 'object' || o === null) {
    throw perfgateError('OPTION_INVALID', {
      option: `${call}(url, options)`,
      value: o,
      expected: "an object with model and prompts, e.g. { model: 'my-model', prompts: ['Hello'] }",
    })
  }
  validateOptions(ENDPOINT_GENERATE_SPEC, o, call)
  if (o.model === undefined)
    throw perfgateError('OPTION_INVALID', { option: `${call}({ model })`, value: undefined, expected: 'the name the server serves the model under' })
  return {
    model: o.model,
    maxNewTokens: o.maxNewTokens ?? 32,
    api: o.api ?? 'chat',
    ignoreEos: o.ignoreEos ?? true,
    warmup: o.warmup ?? 1,
    runs: o.runs ?? 10,
    timeouts: { ...ENDPOINT_TIMEOUT_DEFAULTS, ...o.timeouts },
  }
}

/** The options as stored with a result (JSON only; no header values, no key, the prompts as a count). */
export function recordedEndpointOptions(
  r: ResolvedEndpointOptions,
  o: EndpointGenerateOptions,
  prompts: number,
  promptsSha256: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    prompts,
    promptsSha256,
    maxNewTokens: r.maxNewTokens,
    api: r.api,
    ignoreEos: r.ignoreEos,
    warmup: r.warmup,
    runs: r.runs,
  }
  // header names only: their values may be secrets
  if (o.headers && Object.keys(o.headers).length > 0) out.headers = Object.keys(o.headers).sort()
  return out
}

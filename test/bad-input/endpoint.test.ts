/**
 * Bad-input rows for profile.generate(url) and `perfgate profile <URL>`: unknown and bad options, URLs
 * with credentials or a query, a missing key variable, a server that refuses or is not there; each a
 * PerfgateError naming the option, URL or variable, before or instead of a measurement.
 */
import { afterAll, beforeAll, describe } from 'vitest'
import { profile } from '../../dist/index.js'
import { startScriptedServer, type ScriptedServer } from '../helpers/scripted-server.js'
import { apiRows, cliRows } from './catalogue.js'

const URL = 'http://127.0.0.1:9/v1'
const base = { model: 'm', prompts: ['Hello'], runs: 1, warmup: 0 }
let server: ScriptedServer
beforeAll(async () => {
  server = await startScriptedServer({ firstTokenMs: 1, perTokenMs: 1, tokens: 2, fault: 'http-500' })
})
afterAll(() => server.close())

describe('options of profile.generate(url)', () => {
  apiRows([
    {
      name: 'maxNewToken is a typo of maxNewTokens',
      run: () => profile.generate(URL, { ...base, maxNewToken: 4 } as never),
      code: 'OPTION_UNKNOWN',
      words: ['profile.generate({ maxNewToken })', "did you mean 'maxNewTokens'?"],
    },
    {
      name: 'timeouts: { firstTokenMS } is a typo of firstTokenMs',
      run: () => profile.generate(URL, { ...base, timeouts: { firstTokenMS: 5 } } as never),
      code: 'OPTION_UNKNOWN',
      words: ['profile.generate({ timeouts.firstTokenMS })', "did you mean 'firstTokenMs'?"],
    },
    {
      name: "api: 'chats' is not an API",
      run: () => profile.generate(URL, { ...base, api: 'chats' } as never),
      code: 'OPTION_INVALID',
      words: ['profile.generate({ api })', "'chat' or 'completions'"],
    },
    {
      name: 'no model',
      run: () => profile.generate(URL, { prompts: ['Hello'] } as never),
      code: 'OPTION_INVALID',
      words: ['profile.generate({ model })', 'the name the server serves the model under'],
    },
    {
      name: 'a header value that is not a string',
      run: () => profile.generate(URL, { ...base, headers: { 'x-n': 1 } } as never),
      code: 'OPTION_INVALID',
      words: ['profile.generate({ headers })', 'header names to string values'],
    },
    {
      name: 'a URL with credentials is refused, and the message does not show them',
      run: () => profile.generate('http://me:pa55word@127.0.0.1:9/v1', base),
      code: 'ENDPOINT_URL_CREDENTIALS',
      words: ['http://127.0.0.1:9/v1', 'OPENAI_API_KEY'],
    },
    {
      name: 'a URL with a query is refused',
      run: () => profile.generate('http://127.0.0.1:9/v1?api_key=x', base),
      code: 'ENDPOINT_URL_INVALID',
      words: ['http://127.0.0.1:9/v1', 'query'],
    },
    {
      name: 'apiKeyEnv names a variable that is not set',
      run: () => profile.generate(URL, { ...base, apiKeyEnv: 'PERFGATE_NO_SUCH_KEY' }),
      code: 'ENDPOINT_API_KEY_MISSING',
      words: ['PERFGATE_NO_SUCH_KEY'],
    },
    {
      name: 'nobody listens at the URL',
      run: () => profile.generate(URL, base),
      code: 'ENDPOINT_REQUEST_FAILED',
      words: [URL, 'prompt 0, measured pass 1', 'connection failed: ECONNREFUSED'],
    },
    {
      name: 'the server answers 500: its message',
      run: () => profile.generate(server.url as `http://${string}`, base),
      code: 'ENDPOINT_REQUEST_FAILED',
      words: ['http 500: internal failure in scripted server'],
    },
  ])
})

describe('perfgate profile <URL>', () => {
  cliRows([
    { name: 'no --model', argv: ['profile', URL, '--prompts', 'bench/prompts.txt'], exit: 2, words: ['needs --model NAME'] },
    { name: 'no --prompts', argv: ['profile', URL, '--model', 'm'], exit: 2, words: ['--prompts'] },
    {
      name: 'a bad timeout',
      argv: ['profile', URL, '--model', 'm', '--prompts', 'bench/prompts.txt', '--total-timeout', '0'],
      exit: 2,
      words: ['--total-timeout'],
    },
    { name: 'an unknown flag', argv: ['profile', URL, '--model', 'm', '--prompts', 'bench/prompts.txt', '--modle', 'x'], exit: 2, words: ['--modle'] },
  ])
})

/**
 * `perfgate profile <URL>`: an OpenAI-compatible server profiled from the shell, run in-process through
 * `main(io)` against a scripted server on 127.0.0.1. Exit codes: 0 success, 1 failure, 2 wrong usage.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { GenerationResult } from '../../src/types/index.js'
import { startScriptedServer, type Script, type ScriptedServer } from '../helpers/scripted-server.js'
import { runCli, STACK_LINE } from './run-cli.js'

const FAST: Script = { firstTokenMs: 5, perTokenMs: 1, tokens: 8 }
const KEY = 'sk-cli-SECRET-0d9e3b'
let tmp: string
let prompts: string
let server: ScriptedServer | undefined
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'perfgate-endpoint-cli-'))
  prompts = join(tmp, 'prompts.txt')
  writeFileSync(prompts, 'Hello there\nThe quick brown fox\n')
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))
afterEach(async () => {
  await server?.close()
  server = undefined
})

const env = (extra: Record<string, string> = {}) => ({ ...process.env, OPENAI_API_KEY: KEY, ...extra })
const quick = ['--model', 'scripted-model', '--prompts', '', '--runs', '2', '--warmup', '0', '--max-new-tokens', '8']
const args = (url: string, ...more: string[]) => ['profile', url, ...quick.map((a) => (a === '' ? prompts : a)), ...more]

describe('perfgate profile <URL>', () => {
  it('prints TTFT, TPOT, ITL, E2E and tokens/s per prompt and over all, and writes the JSON result', async () => {
    server = await startScriptedServer(FAST)
    const json = join(tmp, 'out.json')
    const run = await runCli(args(server.url, '--json', json), tmp, env())
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain(`${server.url} (chat API, model scripted-model), serves scripted-model, fingerprint fp_test, Server: scripted/1.0`)
    expect(run.stdout).toMatch(/prompt\s+in\s+out\s+TTFT ms\s+TPOT ms\s+E2E ms\s+tokens\/s/)
    for (const row of ['TTFT', 'TPOT', 'ITL', 'E2E', 'tokens/s (output)']) expect(run.stdout).toMatch(new RegExp(`^${row.replace(/[()/]/g, '\\$&')}\\s`, 'm'))
    expect(run.stdout).toContain("output tokens counted from the server's usage")
    const result = JSON.parse(readFileSync(json, 'utf8')) as GenerationResult
    expect(result).toMatchObject({ kind: 'generation', layout: 'endpoint', runs: 2, endpoint: { tokenSource: 'usage' } })
    expect(result.requests).toHaveLength(4)
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(readFileSync(json, 'utf8')).not.toContain(KEY)
  })

  it('the completions API, --api-key-env, and the tokenizer when the server sends no usage', async () => {
    server = await startScriptedServer({ ...FAST, usage: false })
    const run = await runCli(
      args(server.url, '--api', 'completions', '--api-key-env', 'MY_KEY', '--tokenizer', 'bench/models/tiny-gpt'),
      undefined,
      env({ MY_KEY: 'other-key-123' }),
    )
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain('output tokens counted from the tokenizer')
    expect(server.requests[0]!.body).toHaveProperty('prompt', 'Hello there')
    expect(server.requests[0]!.headers.authorization).toBe('Bearer other-key-123')
  })

  it('a server that echoes the key in its error: the request fails, exit 1, the key redacted', async () => {
    server = await startScriptedServer({ ...FAST, fault: 'http-401-echo' })
    const run = await runCli(args(server.url), tmp, env())
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('http 401: Incorrect API key provided: [redacted]')
    expect(run.stderr + run.stdout).not.toContain(KEY)
    expect(run.stderr).not.toMatch(STACK_LINE)
  })

  it('a server that is down: exit 1, connection failed', async () => {
    const run = await runCli(args('http://127.0.0.1:9/v1'), tmp, env())
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('A request to http://127.0.0.1:9/v1 failed (prompt 0, measured pass 1): connection failed: ECONNREFUSED')
  })

  it('refuses a URL with credentials, naming it without them', async () => {
    const run = await runCli(args('http://user:hunter2pass@127.0.0.1:9/v1'), tmp, env())
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('Refusing the endpoint URL http://127.0.0.1:9/v1: it carries credentials')
    expect(run.stderr).not.toContain('hunter2pass')
  })

  it('wrong usage: no --model, a bad --api, an unset --api-key-env variable', async () => {
    const noModel = await runCli(['profile', 'http://127.0.0.1:9/v1', '--prompts', prompts], tmp, env())
    expect(noModel.code).toBe(2)
    expect(noModel.stderr).toContain('needs --model NAME')
    const badApi = await runCli(args('http://127.0.0.1:9/v1', '--api', 'chats'), tmp, env())
    expect(badApi.code).toBe(2)
    expect(badApi.stderr).toContain("--api expects chat or completions, got 'chats'")
    const unset = await runCli(args('http://127.0.0.1:9/v1', '--api-key-env', 'NOT_SET_ANYWHERE'), tmp, env())
    expect(unset.code).not.toBe(0)
    expect(unset.stderr).toContain('The environment variable NOT_SET_ANYWHERE')
  })
})

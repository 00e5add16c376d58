/**
 * Gating a serving endpoint end to end: Vitest itself runs a fixture project whose test profiles a
 * scripted OpenAI-compatible server (a real HTTP server in this process) with profile.generate(url)
 * and asserts toBeWithinBaseline(). The steps build on each other: record, pass, a server ten times
 * slower per token fails, another server (a different Server header) is never compared. Throughout,
 * an API key and a secret header value are set: the server receives them, and no file perfgate wrote
 * and no line it printed holds them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startScriptedServer, type Script, type ScriptedServer } from '../helpers/scripted-server.js'
import { createFixtureProject, type FixtureProject, type RunResult } from './fixture-project.js'

const BASELINE = 'baselines/e2e/server.perf.test.ts.json'
const KEY = 'staging endpoint 1'
const API_KEY = 'sk-e2e-SECRET-4f1c9a7d'
const TEAM_TOKEN = 'team-SECRET-88d2e1'
const FAST: Script = { firstTokenMs: 20, perTokenMs: 4, tokens: 16 }

/** Every file under `dir` except node_modules, as [relative path, text]. */
function filesUnder(dir: string, root = dir): [string, string][] {
  const out: [string, string][] = []
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name)
    if (name === 'node_modules') continue
    if (statSync(abs).isDirectory()) out.push(...filesUnder(abs, root))
    else out.push([relative(root, abs), readFileSync(abs, 'utf8')])
  }
  return out
}

describe('gating an OpenAI-compatible server in a Vitest project', () => {
  let project: FixtureProject
  let server: ScriptedServer
  let script: Script = FAST
  const outputs: string[] = []
  const run = async (ci: boolean): Promise<RunResult> => {
    const r = await project.vitest([], { ci, env: { ENDPOINT_URL: server.url, OPENAI_API_KEY: API_KEY, TEAM_TOKEN } })
    outputs.push(r.output)
    return r
  }

  beforeAll(async () => {
    project = createFixtureProject('endpoint-gate')
    server = await startScriptedServer(() => script)
  })
  afterAll(async () => {
    await server.close()
    project.remove()
  })

  it('records a generation entry with the server in its testbed on the first local run', async () => {
    const r = await run(false)
    expect(r.code, r.output).toBe(0)
    expect(r.output).toContain('1 new')
    const entry = JSON.parse(project.read(BASELINE)).entries[KEY]
    expect(entry.kind).toBe('generation')
    // 2 prompts x 5 passes, in each of the 3 measurements a new entry is recorded from (1 + confirm)
    expect(entry.runs).toBe(30)
    expect(entry.measurements).toMatchObject({ ttft: [10, 10, 10] })
    expect(entry.testbed.endpoint).toEqual({
      url: server.url,
      api: 'chat',
      model: 'scripted-model',
      servedModel: 'scripted-model',
      systemFingerprint: 'fp_test',
      server: 'scripted/1.0',
    })
    for (const id of ['ttft.p95', 'tpot.p50', 'tokensPerSecond']) expect(entry.metrics).toHaveProperty([id])
    // the client's memory and a load time mean nothing for a server: not stored, not gated
    expect(entry.metrics).not.toHaveProperty(['memory.peakDeltaMB'])
    expect(entry.metrics).not.toHaveProperty(['loadMs'])
    expect(entry.options).toMatchObject({ prompts: 2, maxNewTokens: 16, api: 'chat', runs: 5, headers: ['x-team-token'] })
    // the key and the header reached the server
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${API_KEY}`)
    expect(server.requests.at(-1)!.headers['x-team-token']).toBe(TEAM_TOKEN)
  })

  it('passes the unchanged server under CI and leaves the baseline as it was', async () => {
    const before = project.read(BASELINE)
    const r = await run(true)
    expect(r.code, r.output).toBe(0)
    expect(r.output).toMatch(/^perfgate: 1 passed( \([^)]*\))?, 0 regressed/m)
    expect(project.read(BASELINE)).toBe(before)
  })

  it('fails a server ten times slower per token with the diff table, and keeps the baseline', async () => {
    const before = project.read(BASELINE)
    script = { ...FAST, perTokenMs: 40 }
    const r = await run(true)
    expect(r.code, r.output).toBe(1)
    expect(r.output).toMatch(/tpot\.p50 .*REGRESSED/)
    expect(r.output).toMatch(/tokensPerSecond .* tokens\/s .*REGRESSED/)
    expect(r.output).toContain('perfgate: 0 passed, 1 regressed')
    expect(project.read(BASELINE)).toBe(before)
  })

  it('never compares another server: a different Server header fails with both named', async () => {
    script = { ...FAST, serverHeader: 'other-server/2.0' }
    const r = await run(true)
    expect(r.code, r.output).toBe(1)
    expect(r.output).toContain('was measured on another server')
    expect(r.output).toContain('Server scripted/1.0')
    expect(r.output).toContain('Server other-server/2.0')
    expect(r.output).not.toMatch(/tpot\.p50 .*(REGRESSED|pass)/)
  })

  it('tsc accepts profile.generate(url) and the matcher on its result in a user project', async () => {
    const r = await project.node(['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json'], { ci: false })
    expect(r.code, r.output).toBe(0)
  })

  it('wrote no secret: not in a file perfgate wrote, not in what it printed', () => {
    const files = filesUnder(project.dir)
    // the files the gate writes are there to be searched
    for (const f of [BASELINE, 'perfgate-results.json', 'perfgate-history.jsonl', 'perfgate.md', 'perfgate.html', 'perfgate.csv']) {
      expect(files.map(([p]) => p)).toContain(f)
    }
    for (const secret of [API_KEY, TEAM_TOKEN]) {
      expect(files.filter(([, text]) => text.includes(secret)).map(([p]) => p)).toEqual([])
      expect(outputs.filter((o) => o.includes(secret))).toEqual([])
    }
    expect(outputs).toHaveLength(4)
  })
})

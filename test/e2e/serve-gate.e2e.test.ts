/**
 * Gating `perfgate serve` end to end: the installed bin serves the embedded decoder as a real process,
 * and Vitest itself runs a fixture project whose test profiles it with profile.generate(url) and asserts
 * toBeWithinBaseline(). The steps build on each other: the first run records, the second passes, and
 * with the server restarted on the same port with `--delay-per-token-ms 30` (tens of times the decoder's
 * own time per token, far beyond the fixture's tolerances) the gate fails with the diff.
 */
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServeProcess, type ServeProcess } from '../helpers/serve-process.js'
import { createFixtureProject, type FixtureProject, type RunResult } from './fixture-project.js'

const BASELINE = 'baselines/e2e/serve.perf.test.ts.json'
const KEY = 'perfgate serve, tiny-gpt 1'

/** A port free right now: the server is restarted on it, so that its URL (part of the testbed) stays the same. */
async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))
  return port
}

describe('gating perfgate serve in a Vitest project', () => {
  let project: FixtureProject
  let port: number
  let serve: ServeProcess | undefined

  const start = async (extra: string[] = []) => {
    await serve?.stop()
    serve = await startServeProcess('node_modules/perfgate/bin/perfgate.js', ['--port', String(port), ...extra], project.dir)
  }
  const run = (ci: boolean): Promise<RunResult> => project.vitest([], { ci, env: { SERVE_URL: serve!.url } })

  beforeAll(async () => {
    project = createFixtureProject('serve-gate')
    port = await freePort()
    await start()
  })
  afterAll(async () => {
    const stopped = await serve?.stop()
    project.remove()
    expect(stopped?.code).toBe(0)
  })

  it('records a generation entry of the served model on the first local run', async () => {
    const r = await run(false)
    expect(r.code, r.output).toBe(0)
    expect(r.output).toContain('1 new')
    const entry = JSON.parse(project.read(BASELINE)).entries[KEY]
    expect(entry.kind).toBe('generation')
    // 2 prompts x 5 passes, in each of the 3 measurements a new entry is recorded from (1 + confirm)
    expect(entry.runs).toBe(30)
    expect(entry.measurements).toMatchObject({ ttft: [10, 10, 10] })
    expect(entry.testbed.endpoint).toMatchObject({ url: serve!.url, api: 'chat', model: 'tiny-gpt', servedModel: 'tiny-gpt', server: 'perfgate' })
    expect(entry.testbed.endpoint.systemFingerprint).toMatch(/^perfgate-[0-9a-f]{12}$/)
    for (const id of ['ttft.p95', 'tpot.p50', 'tokensPerSecond']) expect(entry.metrics).toHaveProperty([id])
  })

  it('passes the unchanged server under CI and leaves the baseline as it was', async () => {
    const before = project.read(BASELINE)
    const r = await run(true)
    expect(r.code, r.output).toBe(0)
    expect(r.output).toMatch(/^perfgate: 1 passed( \([^)]*\))?, 0 regressed/m)
    expect(project.read(BASELINE)).toBe(before)
  })

  it('fails the same server slowed by --delay-per-token-ms with the diff table, and keeps the baseline', async () => {
    const before = project.read(BASELINE)
    await start(['--delay-per-token-ms', '30'])
    const r = await run(true)
    expect(r.code, r.output).toBe(1)
    expect(r.output).toMatch(/metric\s+baseline\s+current\s+change\s+change %/)
    expect(r.output).toMatch(/tpot\.p50 .*REGRESSED/)
    expect(r.output).toMatch(/tokensPerSecond .* tokens\/s .*REGRESSED/)
    expect(r.output).toContain('perfgate: 0 passed, 1 regressed')
    expect(project.read(BASELINE)).toBe(before)
  })
})

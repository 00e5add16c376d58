/**
 * The plugin manages a perf test's timeout (src/vitest/test-timeout.ts): its project's tests and hooks get
 * the timeout derived from the profiling budget, never Vitest's default 5 s, and a timeout the user set
 * (in the config, on the command line, or on one test) wins. The timeouts are read from Vitest itself: the
 * resolved config, and each test's own `task.timeout`. One real profile runs longer than 5 s (its minTime
 * is 6 s, a lower bound on any machine) and passes.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { perfTestBudget, perfTestTimeoutMs } from '../../src/vitest/test-timeout.js'
import { createFixtureProject, type FixtureProject } from './fixture-project.js'

const DEFAULT_TIMEOUT = perfTestTimeoutMs(perfTestBudget({}))

/** The test and hook timeouts Vitest resolves in the project, with these CLI options. */
async function resolvedTimeouts(project: FixtureProject, cliOptions: object = {}, env: Record<string, string> = {}) {
  const run = await project.node(['resolved-config.mjs', JSON.stringify(cliOptions)], { ci: false, env })
  expect(run.code, run.output).toBe(0)
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { testTimeout: number; hookTimeout: number }
}

describe('the timeout of perf tests', () => {
  let project: FixtureProject
  beforeAll(() => {
    project = createFixtureProject('perf-timeout')
  })
  afterAll(() => project?.remove())

  const resolved = (cliOptions: object = {}, env: Record<string, string> = {}) => resolvedTimeouts(project, cliOptions, env)

  it('is 16 minutes by default: the machine lock wait plus a profile per measurement (confirm 2), for tests and hooks alike', async () => {
    expect(DEFAULT_TIMEOUT).toBe(960_000)
    expect(await resolved()).toEqual({ testTimeout: DEFAULT_TIMEOUT, hookTimeout: DEFAULT_TIMEOUT })
  })

  it('follows PERFGATE_LOCK_TIMEOUT, the bound on the wait for the machine lock', async () => {
    expect(await resolved({}, { PERFGATE_LOCK_TIMEOUT: '60000' })).toEqual({ testTimeout: 420_000, hookTimeout: 420_000 })
  })

  it("leaves the user's testTimeout in the config, and the CLI's, as they are", async () => {
    expect(await resolved({}, { FIXTURE_TEST_TIMEOUT: '7000' })).toEqual({ testTimeout: 7000, hookTimeout: DEFAULT_TIMEOUT })
    expect(await resolved({ testTimeout: 9000, hookTimeout: 8000 })).toEqual({ testTimeout: 9000, hookTimeout: 8000 })
  })

  it("reaches each test, where a test's own timeout wins; a profile longer than 5 s passes", async () => {
    const run = await project.vitest([], { ci: false, env: { FIXTURE_LONG_PROFILE: '1' } })
    expect(run.code, run.output).toBe(0)
    expect(run.output).toContain(`timeout of a perf test: ${DEFAULT_TIMEOUT}`)
    expect(run.output).toContain('timeout of a test with its own: 4321')
    expect(run.output).toContain('profile took more than 6 s: true (stopped by minTime)')
    expect(run.output).not.toContain('timed out')
  })
})

const install = process.env.PERFGATE_VITEST5_DIR
const nodeBin = install ? join(install, 'node_modules/.bin/node') : ''
const ready = !!install && existsSync(nodeBin) && existsSync(join(install, 'node_modules/perfgate'))

describe.skipIf(!ready)('the timeout of perf tests under Vitest 5 (PERFGATE_VITEST5_DIR)', () => {
  let project: FixtureProject | undefined
  afterAll(() => project?.remove())

  it("is the plugin's in the config and in each test; the user's wins", async () => {
    project = createFixtureProject('perf-timeout', { modules: join(install!, 'node_modules'), nodeBin })
    expect(await resolvedTimeouts(project)).toEqual({ testTimeout: DEFAULT_TIMEOUT, hookTimeout: DEFAULT_TIMEOUT })
    expect(await resolvedTimeouts(project, {}, { FIXTURE_TEST_TIMEOUT: '7000' })).toEqual({ testTimeout: 7000, hookTimeout: DEFAULT_TIMEOUT })
    const run = await project.vitest([], { ci: false })
    expect(run.code, run.output).toBe(0)
    expect(run.output).toMatch(/vitest\/5\.|v5\./)
    expect(run.output).toContain(`timeout of a perf test: ${DEFAULT_TIMEOUT}`)
    expect(run.output).toContain('timeout of a test with its own: 4321')
  })
})

/**
 * Vitest 5 on Node 24 (.ci/run installs both from the npm registry, with the
 * packed perfgate, into .ci/.vitest5 and sets PERFGATE_VITEST5_DIR): the plugin
 * and matcher in tests, and Vitest 5's `bench` fixture results gated like
 * profiles. Skipped, saying why, where that install is absent.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildHeavyClassifier } from '../../bench/models/generate.js'
import { createFixtureProject, type FixtureProject } from './fixture-project.js'

const install = process.env.PERFGATE_VITEST5_DIR
const nodeBin = install ? join(install, 'node_modules/.bin/node') : ''
const ready = !!install && existsSync(nodeBin) && existsSync(join(install, 'node_modules/perfgate'))

describe.skipIf(!ready)('Vitest 5 on Node 24 (PERFGATE_VITEST5_DIR, prepared by .ci/run)', () => {
  let project: FixtureProject
  beforeAll(() => {
    project = createFixtureProject('vitest5', { modules: join(install!, 'node_modules'), nodeBin })
  })
  afterAll(() => project?.remove())

  it('runs on Vitest 5', async () => {
    const version = await project.node(['node_modules/vitest/vitest.mjs', '--version'], { ci: false })
    expect(version.output).toMatch(/vitest\/5\./)
  })

  it('gates tests and bench results: records, passes, then fails a slower model', async () => {
    const record = await project.vitest([], { ci: false })
    expect(record.code, record.output).toBe(0)
    expect(record.output).toContain('1 new')
    const recordBench = await project.vitestBench({ ci: false })
    expect(recordBench.code, recordBench.output).toBe(0)
    expect(project.exists('baselines/e2e/model.bench.ts.json')).toBe(true)

    const pass = await project.vitestBench({ ci: true })
    expect(pass.code, pass.output).toBe(0)
    expect(pass.output).toMatch(/^perfgate: \d passed( \([^)]*\))?, 0 regressed/m) // noise may make it unresolved or improved: both pass

    project.write('model.onnx', buildHeavyClassifier())
    for (const run of [await project.vitest([], { ci: true }), await project.vitestBench({ ci: true })]) {
      expect(run.code, run.output).toBe(1)
      expect(run.output).toMatch(/latency\.p50 .*REGRESSED/)
    }
  })
})

// without the install the checks are skipped, visibly; .ci/run sets PERFGATE_REQUIRE_VITEST5=1, so there a missing install fails
if (!ready && process.env.PERFGATE_REQUIRE_VITEST5 === '1') {
  it('has the Vitest 5 install that PERFGATE_REQUIRE_VITEST5=1 asks for', () => {
    expect.fail(`PERFGATE_VITEST5_DIR=${install ?? '(unset)'} holds no node@24 and perfgate install: .ci/setup-vitest5.sh did not prepare it`)
  })
} else if (!ready) {
  it.skip('Vitest 5 on Node 24: set PERFGATE_VITEST5_DIR to an install with node@24, vitest@5 and perfgate (bash .ci/run prepares one)')
}

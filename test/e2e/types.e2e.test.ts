/**
 * Types that just work: a user's strict tsconfig, without skipLibCheck and with vitest.config.ts outside the
 * program, type-checks every perfgate matcher from the test file's own imports, under Vitest 4 (this repo's
 * install) and Vitest 5 (PERFGATE_VITEST5_DIR, prepared by .ci/run; required there), and perfgate's API
 * type-checks in a project without Vitest at all. The fixture's @ts-expect-error lines make the check two-sided:
 * they fail when the matchers lose their types (e.g. become `any`).
 */
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixtureProject, REPO, type FixtureProject } from './fixture-project.js'

const TSC = join(REPO, 'node_modules/typescript/bin/tsc')

async function tsc(project: FixtureProject, tsconfig: string): Promise<void> {
  const run = await project.node([TSC, '--noEmit', '-p', tsconfig], { ci: false })
  expect(run.code, `tsc -p ${tsconfig}:\n${run.output}`).toBe(0)
}

describe('types under Vitest 4', () => {
  let project: FixtureProject
  beforeAll(() => {
    project = createFixtureProject('types-check')
  })
  afterAll(() => project?.remove())

  it('the fixture is a strict project without skipLibCheck that leaves vitest.config.ts out', () => {
    const config = JSON.parse(project.read('tsconfig.json')) as { compilerOptions: Record<string, unknown>; include: string[] }
    expect(config.compilerOptions.skipLibCheck).toBeUndefined()
    expect(config.compilerOptions.strict).toBe(true)
    expect(config.include.some((f) => f.includes('vitest.config'))).toBe(false)
  })

  it('tsc accepts every matcher in a test file that imports perfgate and vitest', async () => {
    await tsc(project, 'tsconfig.json')
  })

  it('tsc accepts the vitest.config.ts with the plugin', async () => {
    await tsc(project, 'tsconfig.config.json')
  })

  it('tsc accepts perfgate API code in a project without vitest installed', async () => {
    const bare = createFixtureProject('types-check')
    try {
      for (const dep of ['vitest', '@vitest']) rmSync(bare.path(`node_modules/${dep}`), { force: true })
      expect(bare.exists('node_modules/vitest')).toBe(false)
      await tsc(bare, 'tsconfig.no-vitest.json')
    } finally {
      bare.remove()
    }
  })
})

const install = process.env.PERFGATE_VITEST5_DIR
const nodeBin = install ? join(install, 'node_modules/.bin/node') : ''
const ready = !!install && existsSync(nodeBin) && existsSync(join(install, 'node_modules/perfgate'))

describe.skipIf(!ready)('types under Vitest 5 (PERFGATE_VITEST5_DIR)', () => {
  let project: FixtureProject | undefined
  afterAll(() => project?.remove())

  it('tsc accepts every matcher and the config, with Vitest 5 Matchers<R, T>', async () => {
    project = createFixtureProject('types-check', { modules: join(install!, 'node_modules'), nodeBin })
    const version = await project.node(['node_modules/vitest/vitest.mjs', '--version'], { ci: false })
    expect(version.output).toMatch(/vitest\/5\./)
    await tsc(project, 'tsconfig.vitest5.json')
    await tsc(project, 'tsconfig.config.json')
  })
})

if (!ready && process.env.PERFGATE_REQUIRE_VITEST5 === '1') {
  it('has the Vitest 5 install that PERFGATE_REQUIRE_VITEST5=1 asks for', () => {
    expect.fail(`PERFGATE_VITEST5_DIR=${install ?? '(unset)'} holds no node@24 and perfgate install: .ci/setup-vitest5.sh did not prepare it`)
  })
} else if (!ready) {
  it.skip('types under Vitest 5: set PERFGATE_VITEST5_DIR to an install with node@24, vitest@5 and perfgate (bash .ci/run prepares one)')
}

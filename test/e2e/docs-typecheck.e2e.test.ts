/**
 * Every ```ts block of README.md, CONTRIBUTING.md and docs/*.md, type-checked by tsc as a file of a fixture
 * project (test/fixtures/docs-typecheck: strict, NodeNext) where `perfgate` is the built package: once with this
 * repository's Vitest 4, once with the Vitest 5 install of PERFGATE_VITEST5_DIR (.ci/setup-vitest5.sh; skipped,
 * saying why, where it is absent, and failed under PERFGATE_REQUIRE_VITEST5=1).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { blocksOf, docPages, type Block } from '../docs/markdown.js'
import { createFixtureProject, REPO, type FixtureProject } from './fixture-project.js'

const TSC = join(REPO, 'node_modules/typescript/bin/tsc')

/** Where a block is written in the fixture: one folder per block, so that two `// vitest.config.ts` do not collide. */
function blockFile(b: Block): string {
  const page = b.page.replace(/[/.]/g, '_')
  return `blocks/${page}_${b.line}/${b.fileName ?? 'block.ts'}`
}

/** tsc's errors, each named by the page and line of the block it is in. */
function typecheck(project: FixtureProject, blocks: readonly Block[]): string[] {
  for (const b of blocks) project.write(blockFile(b), `${b.body}\n`)
  const run = spawnSync(process.execPath, [TSC, '-p', 'tsconfig.json', '--pretty', 'false'], { cwd: project.dir, encoding: 'utf8' })
  if (run.status === 0) return []
  const byFile = new Map(blocks.map((b) => [blockFile(b), b]))
  const errors = `${run.stdout}${run.stderr}`.split('\n').filter((l) => l.trim() !== '')
  return errors.map((line) => {
    const m = /^(blocks\/[^(]+)\((\d+),(\d+)\): (.*)$/.exec(line)
    const b = m ? byFile.get(m[1]!) : undefined
    return b ? `${b.page}:${b.line + Number(m![2])}: ${m![4]}` : line
  })
}

/** A user's project has @types/node (a config reads process.env); the Vitest 5 install does not, so it gets this repo's. */
function withNodeTypes(project: FixtureProject, installTypes: string): void {
  const types = project.path('node_modules/@types')
  rmSync(types, { force: true })
  mkdirSync(types)
  for (const entry of existsSync(installTypes) ? readdirSync(installTypes) : []) symlinkSync(join(installTypes, entry), join(types, entry))
  if (!existsSync(join(types, 'node'))) symlinkSync(join(REPO, 'node_modules/@types/node'), join(types, 'node'))
}

const blocks = docPages().flatMap((p) => blocksOf(p).filter((b) => b.lang === 'ts'))
/** The blocks for one Vitest major: all but those marked for the other one. */
const blocksFor = (major: 4 | 5): Block[] => blocks.filter((b) => b.marker.kind !== 'vitest only' || b.marker.major === major)
const projects: FixtureProject[] = []
afterAll(() => projects.forEach((p) => p.remove()))

describe('the documentation TypeScript blocks', () => {
  it('are there to check', () => {
    expect(blocks.length).toBeGreaterThan(5)
  })

  it('type-check with Vitest 4 (this repository) and the built perfgate', () => {
    const project = createFixtureProject('docs-typecheck')
    projects.push(project)
    expect(typecheck(project, blocksFor(4))).toEqual([])
  })

  const install = process.env.PERFGATE_VITEST5_DIR
  const ready = !!install && existsSync(join(install, 'node_modules/vitest')) && existsSync(join(install, 'node_modules/perfgate'))
  it.runIf(ready || process.env.PERFGATE_REQUIRE_VITEST5 === '1')('type-check with Vitest 5 (PERFGATE_VITEST5_DIR) and the packed perfgate', () => {
    expect(ready, `PERFGATE_VITEST5_DIR=${install ?? '(unset)'} holds no vitest@5 and perfgate install: run .ci/setup-vitest5.sh`).toBe(true)
    const project = createFixtureProject('docs-typecheck', { modules: join(install!, 'node_modules') })
    projects.push(project)
    withNodeTypes(project, join(install!, 'node_modules/@types'))
    const version = spawnSync(process.execPath, ['-p', "require('./node_modules/vitest/package.json').version"], { cwd: project.dir, encoding: 'utf8' })
    expect(version.stdout).toMatch(/^5\./)
    expect(typecheck(project, blocksFor(5))).toEqual([])
  })
  if (!ready && process.env.PERFGATE_REQUIRE_VITEST5 !== '1') {
    it.skip('type-check with Vitest 5: set PERFGATE_VITEST5_DIR to an install with vitest@5 and perfgate (bash .ci/setup-vitest5.sh prepares one)')
  }
})

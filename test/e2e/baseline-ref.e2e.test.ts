/**
 * Judging against the merge base: a change that re-records its own baseline
 * (loosening the gate) is still judged against the committed one, and the
 * summary says that the change edits the baselines.
 */
import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildHeavyClassifier } from '../../bench/models/generate.js'
import { createFixtureProject, type FixtureProject } from './fixture-project.js'

const BASELINE = 'baselines/e2e/classifier.perf.test.ts.json'
let project: FixtureProject

function git(...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=perfgate', '-c', 'user.email=perfgate@example.invalid', ...args], { cwd: project.dir, stdio: 'ignore' })
}

beforeAll(() => {
  project = createFixtureProject('classifier-gate')
  project.write('.gitignore', 'node_modules\n')
  // this file asserts which baseline decides, not measurement accuracy: a timing tolerance that an unchanged
  // model's noise on a busy machine cannot cross (a 50% one was crossed once), and the 8x heavier model still does
  project.write('vitest.config.ts', project.read('vitest.config.ts').replace("default: '50%'", "default: '300%'"))
  expect(project.read('vitest.config.ts')).toContain("default: '300%'")
})
afterAll(() => project.remove())

it('judges a change that re-recorded its own baseline against the committed one', async () => {
  const record = await project.vitest([], { ci: false })
  expect(record.code, record.output).toBe(0)
  git('init', '-q')
  git('add', '-A')
  git('commit', '-q', '-m', 'baseline')

  // the "pull request": a heavier model, and the baseline re-recorded to match it
  project.write('model.onnx', buildHeavyClassifier())
  const loosen = await project.vitest(['-u'], { ci: false })
  expect(loosen.code, loosen.output).toBe(0)
  const own = await project.vitest([], { ci: true })
  expect(own.code, `against its own edited baseline the change passes:\n${own.output}`).toBe(0)

  project.write('vitest.config.ts', project.read('vitest.config.ts').replace('perfgate({', "perfgate({ baselineRef: 'HEAD',"))
  const judged = await project.vitest([], { ci: true })
  expect(judged.code, judged.output).toBe(1)
  expect(judged.output).toMatch(/latency\.p50 .*REGRESSED/)
  expect(judged.output).toContain('This change edits baselines it is judged against (review them with it):\n  baselines/e2e/classifier.perf.test.ts.json')
  expect(project.read(BASELINE)).toContain('"perfgate": 1')
})

it('names an unresolvable ref and how to fix it', async () => {
  project.write('vitest.config.ts', project.read('vitest.config.ts').replace("baselineRef: 'HEAD'", "baselineRef: 'no-such-branch'"))
  const run = await project.vitest([], { ci: true })
  expect(run.code).toBe(1)
  expect(run.output).toContain("Cannot resolve baselineRef 'no-such-branch'")
  expect(run.output).toContain('fetch-depth: 0')
})

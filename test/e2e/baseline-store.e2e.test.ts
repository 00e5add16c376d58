/**
 * Baseline data that cannot silently go wrong, end to end: real Vitest runs
 * (and `perfgate update` processes) on a fixture project whose tests assert
 * plain numbers, so each run is quick and no timing can change an outcome.
 */
import { chmodSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { createFixtureProject, type FixtureProject } from './fixture-project.js'

const BASELINE = 'baselines/e2e/a.perf.test.ts.json'

const THREE_TESTS = `import { expect, test } from 'vitest'
test('one', () => expect(1).toBeWithinBaseline())
test('two', () => expect(2).toBeWithinBaseline())
test('three', () => expect(3).toBeWithinBaseline())
`

let project: FixtureProject
afterEach(() => project?.remove())

function entryKeys(rel = BASELINE): string[] {
  return Object.keys(JSON.parse(project.read(rel)).entries as object).sort()
}

describe('obsolete entries', () => {
  it('keeps every entry of a file that failed to import, and of the tests a -t filter left out', async () => {
    project = createFixtureProject('baseline-store')
    project.write('a.perf.test.ts', THREE_TESTS)
    const first = await project.vitest([], { ci: false })
    expect(first.code, first.output).toBe(0)
    expect(entryKeys()).toEqual(['one 1', 'three 1', 'two 1'])
    const recorded = project.read(BASELINE)

    project.write('a.perf.test.ts', `throw new Error('broken import')\n${THREE_TESTS}`)
    const broken = await project.vitest(['-u'], { ci: false })
    expect(broken.code, broken.output).toBe(1)
    expect(broken.output).not.toContain('obsolete')
    expect(project.read(BASELINE)).toBe(recorded)

    project.write('a.perf.test.ts', THREE_TESTS.replace('expect(1)', 'expect(10)'))
    const filtered = await project.vitest(['-u', '-t', '^one$'], { ci: false })
    expect(filtered.code, filtered.output).toBe(0)
    expect(filtered.output).not.toContain('obsolete')
    const entries = JSON.parse(project.read(BASELINE)).entries
    expect(Object.keys(entries).sort()).toEqual(['one 1', 'three 1', 'two 1'])
    expect(entries['one 1'].metrics.value).toBe(10)

    project.write('a.perf.test.ts', THREE_TESTS.replace("test('three'", "test.skip('three'"))
    const skipped = await project.vitest(['-u'], { ci: false })
    expect(skipped.code, skipped.output).toBe(0)
    expect(entryKeys()).toEqual(['one 1', 'three 1', 'two 1'])

    // a test that is gone from a file that ran to the end is obsolete, and -u removes it
    project.write('a.perf.test.ts', THREE_TESTS.replace("test('three', () => expect(3).toBeWithinBaseline())\n", ''))
    const removed = await project.vitest(['-u'], { ci: false })
    expect(removed.code, removed.output).toBe(0)
    expect(removed.output).toContain('Removed obsolete baseline entries:')
    expect(entryKeys()).toEqual(['one 1', 'two 1'])
  })
})

describe('perfgate update [filter]', () => {
  it('re-records only the test files its filter names', async () => {
    project = createFixtureProject('baseline-store')
    project.write('a.perf.test.ts', THREE_TESTS)
    project.write('b.perf.test.ts', THREE_TESTS)
    expect((await project.vitest([], { ci: false })).code).toBe(0)
    const other = project.read('baselines/e2e/b.perf.test.ts.json')
    project.write('a.perf.test.ts', THREE_TESTS.replace('expect(1)', 'expect(10)'))
    project.write('b.perf.test.ts', THREE_TESTS.replace('expect(1)', 'expect(10)'))

    // a filter right after vitest's `-u [type]` was once taken as the update type, and every file was re-recorded
    const update = await project.perfgate(['update', 'a.perf'], { ci: false })
    expect(update.code, update.output).toBe(0)
    expect(JSON.parse(project.read(BASELINE)).entries['one 1'].metrics.value).toBe(10)
    expect(project.read('baselines/e2e/b.perf.test.ts.json')).toBe(other)
  })
})

describe('invalid entries', () => {
  it('fails only the assertion of an invalid entry, and -u replaces it, saying so', async () => {
    project = createFixtureProject('baseline-store')
    project.write('a.perf.test.ts', THREE_TESTS)
    expect((await project.vitest([], { ci: false })).code).toBe(0)
    const file = JSON.parse(project.read(BASELINE))
    file.entries['two 1'].metrics.value = 'two'
    project.write(BASELINE, JSON.stringify(file))

    const run = await project.vitest([], { ci: true })
    expect(run.code, run.output).toBe(1)
    expect(run.output).toContain(
      'Invalid entry "two 1" in baseline file baselines/e2e/a.perf.test.ts.json: field entries["two 1"].metrics.value must be number.',
    )
    expect(run.output).toMatch(/^perfgate: 2 passed( \([^)]*\))?, 0 regressed/m)

    const update = await project.vitest(['-u'], { ci: false })
    expect(update.code, update.output).toBe(0)
    expect(update.output).toContain('Replaced invalid baseline entries with the re-recorded ones:\n  two 1  (baselines/e2e/a.perf.test.ts.json)')
    expect(JSON.parse(project.read(BASELINE)).entries['two 1'].metrics.value).toBe(2)
  })
})

describe('concurrent updates', () => {
  it('lands both of two `perfgate update` processes on one file, in every one of 10 rounds', async () => {
    project = createFixtureProject('baseline-store')
    project.write(
      'a.perf.test.ts',
      `import { expect, test } from 'vitest'
test('A', () => expect(Number(process.env.VALUE_A ?? 1)).toBeWithinBaseline())
test('B', () => expect(Number(process.env.VALUE_B ?? 2)).toBeWithinBaseline())
`,
    )
    const first = await project.vitest([], { ci: false })
    expect(first.code, first.output).toBe(0)
    for (let round = 1; round <= 10; round++) {
      const [a, b] = await Promise.all([
        project.perfgate(['update', '-t', '^A$'], { ci: false, env: { VALUE_A: String(round * 10 + 1) } }),
        project.perfgate(['update', '-t', '^B$'], { ci: false, env: { VALUE_B: String(round * 10 + 2) } }),
      ])
      expect(a.code, a.output).toBe(0)
      expect(b.code, b.output).toBe(0)
      const entries = JSON.parse(project.read(BASELINE)).entries
      expect({ round, A: entries['A 1'].metrics.value, B: entries['B 1'].metrics.value }).toEqual({ round, A: round * 10 + 1, B: round * 10 + 2 })
    }
    expect(project.exists(`${BASELINE}.lock`)).toBe(false)
  }, 300_000)
})

describe('entry keys', () => {
  it('fails a second test that records the same entry key, naming both tests', async () => {
    project = createFixtureProject('baseline-store')
    project.write(
      'a.perf.test.ts',
      `import { describe, expect, test } from 'vitest'
describe('a', () => {
  test('b', () => expect(1).toBeWithinBaseline())
})
test('a > b', () => expect(2).toBeWithinBaseline())
test('x', () => expect(3).toBeWithinBaseline())
test('y', () => expect(4).toBeWithinBaseline({ name: 'x 1' }))
let tries = 0
test('flaky', { retry: 1 }, () => {
  expect(5).toBeWithinBaseline()
  if (++tries === 1) throw new Error('first try fails')
})
`,
    )
    const run = await project.vitest([], { ci: false })
    expect(run.code, run.output).toBe(1)
    expect(run.output).toContain(
      'Two assertions record the same baseline entry "a > b 1" in baselines/e2e/a.perf.test.ts.json: a.perf.test.ts:3:3 ("a > b") and a.perf.test.ts:5:1 ("a > b")',
    )
    expect(run.output).toContain(
      'Two assertions record the same baseline entry "x 1" in baselines/e2e/a.perf.test.ts.json: a.perf.test.ts:6:1 ("x") and a.perf.test.ts:7:1 ("y")',
    )
    expect(run.output).toContain('Give one of them a distinct `name`')
    // a retry asserts its entries again: no collision with its own first try
    expect(run.output).not.toContain('"flaky 1"')
    expect(entryKeys()).toEqual(['a > b 1', 'flaky 1', 'x 1'])
  })

  it("stores entries named '__proto__', 'constructor' and 'toString' like any other", async () => {
    project = createFixtureProject('baseline-store')
    project.write(
      'a.perf.test.ts',
      `import { expect, test } from 'vitest'
test('odd names', () => {
  expect(1).toBeWithinBaseline({ name: '__proto__' })
  expect(2).toBeWithinBaseline({ name: 'constructor' })
  expect(3).toBeWithinBaseline({ name: 'toString' })
})
`,
    )
    const run = await project.vitest([], { ci: false })
    expect(run.code, run.output).toBe(0)
    expect(run.output).toContain('3 new')
    expect(entryKeys()).toEqual(['__proto__', 'constructor', 'toString'])
    const again = await project.vitest([], { ci: true })
    expect(again.code, again.output).toBe(0)
    expect(again.output).toContain('3 passed')
  })
})

describe('files perfgate cannot write', () => {
  it('fails the run and names the file when the baselines path is a regular file', async () => {
    project = createFixtureProject('baseline-store')
    project.write('a.perf.test.ts', THREE_TESTS)
    project.write('baselines', 'not a folder\n')
    const run = await project.vitest([], { ci: false })
    expect(run.code, run.output).toBe(1)
    expect(run.output).toContain('Could not write baseline file baselines/e2e/a.perf.test.ts.json: ENOTDIR')
    expect(run.output).toContain('A part of the path is a regular file')
    const update = await project.perfgate(['update'], { ci: false })
    expect(update.code, update.output).toBe(1)
    expect(update.output).toContain('Could not write baseline file baselines/e2e/a.perf.test.ts.json')
  })

  it('fails the run and names the file when the html option names a folder', async () => {
    project = createFixtureProject('baseline-store')
    project.write('a.perf.test.ts', THREE_TESTS)
    mkdirSync(project.path('report.html'))
    const run = await project.vitest([], { ci: false, env: { E2E_HTML: 'report.html' } })
    expect(run.code, run.output).toBe(1)
    expect(run.output).toContain('Could not write the HTML report report.html: EISDIR')
    expect(run.output).toContain('point the `html` option at a file path')
  })

  it('refuses a baselineDir outside the project before any test runs', async () => {
    project = createFixtureProject('baseline-store')
    project.write('a.perf.test.ts', "import { test } from 'vitest'\ntest('ran', () => console.log('THE TEST RAN'))\n")
    const run = await project.vitest([], { ci: false, env: { E2E_BASELINE_DIR: '../elsewhere' } })
    expect(run.code, run.output).toBe(1)
    expect(run.output).toContain('it is outside the project root')
    expect(run.output).not.toContain('THE TEST RAN')
    expect(run.output).not.toMatch(/^\s+at /m)
  })

  it('refuses a symlinked baselines folder that leads out of the project', async () => {
    project = createFixtureProject('baseline-store')
    project.write('a.perf.test.ts', THREE_TESTS)
    const outside = createFixtureProject('baseline-store')
    try {
      symlinkSync(outside.dir, project.path('baselines'))
      const run = await project.vitest([], { ci: false })
      expect(run.code, run.output).toBe(1)
      expect(run.output).toContain('it is outside the project root')
      expect(outside.exists('e2e/a.perf.test.ts.json')).toBe(false)
    } finally {
      outside.remove()
    }
  })

  it('keeps the mode of a rewritten baseline file', async () => {
    project = createFixtureProject('baseline-store')
    project.write('a.perf.test.ts', THREE_TESTS)
    expect((await project.vitest([], { ci: false })).code).toBe(0)
    chmodSync(project.path(BASELINE), 0o444)
    writeFileSync(project.path('baselines/e2e/.abc123.999999.tmp'), '{"half": ')
    const run = await project.vitest(['-u'], { ci: false })
    expect(run.code, run.output).toBe(0)
    expect(statSync(project.path(BASELINE)).mode & 0o777).toBe(0o444)
    expect(project.exists('baselines/e2e/.abc123.999999.tmp')).toBe(false)
  })
})

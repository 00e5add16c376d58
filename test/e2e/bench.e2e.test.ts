/**
 * `vitest bench` (Vitest 4's benchmark mode) gated against the same kind of
 * baselines: a bench of real onnxruntime inference records, passes, then fails
 * on a model about 8x slower.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildHeavyClassifier } from '../../bench/models/generate.js'
import { createFixtureProject, type FixtureProject } from './fixture-project.js'

const BASELINE = 'baselines/e2e/model.bench.ts.json'
let project: FixtureProject
beforeAll(() => {
  project = createFixtureProject('bench-gate')
})
afterAll(() => project.remove())

it('records, passes and then fails a slower model under vitest bench', async () => {
  const record = await project.vitestBench({ ci: false })
  expect(record.code, record.output).toBe(0)
  expect(record.output).toContain('perfgate: 0 passed, 0 regressed, 1 new')
  const entry = JSON.parse(project.read(BASELINE)).entries['classifier > 128x128']
  expect(entry.metrics.throughput).toBeGreaterThan(0)
  expect(entry.samples.latency.length).toBeGreaterThan(8)

  const pass = await project.vitestBench({ ci: true })
  expect(pass.code, pass.output).toBe(0)
  expect(pass.output).toMatch(/^perfgate: \d passed( \([^)]*\))?, 0 regressed/m) // noise may make it unresolved or improved: both pass

  project.write('model.onnx', buildHeavyClassifier())
  const fail = await project.vitestBench({ ci: true })
  expect(fail.code, fail.output).toBe(1)
  expect(fail.output).toMatch(/REGRESSED {2}classifier > 128x128/)
  expect(fail.output).toMatch(/latency\.p50 .*REGRESSED/)
})

it('fails a missing bench baseline in CI', async () => {
  const fresh = createFixtureProject('bench-gate')
  try {
    const run = await fresh.vitestBench({ ci: true })
    expect(run.code, run.output).toBe(1)
    expect(run.output).toContain('1 missing')
    expect(run.output).toContain('Missing baselines (record them with `npx vitest run -u`')
  } finally {
    fresh.remove()
  }
})

describe("missingTestbed: 'warn' under vitest bench decides like the matcher, and names are data", () => {
  const NAME = '\u001b]8;;http://x\u0007click\u001b]8;;\u0007 =1+1'
  const SHOWN = '\\x1b]8;;http://x\\x07click\\x1b]8;;\\x07 =1+1'
  const CONFIG = `import { perfgate } from 'perfgate/vitest'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [perfgate({ tolerance: '50%', missingTestbed: 'warn', csv: 'reports/results.csv' })],
  test: { benchmark: { include: ['*.bench.ts'] } },
})
`
  const BENCH = `import { bench } from 'vitest'

bench(${JSON.stringify(NAME)}, () => {
  let s = 0
  for (let i = 0; i < 1000; i++) s += i
  if (s < 0) throw new Error('unreachable')
}, { time: 100, warmupTime: 20 })
`
  let warn: FixtureProject
  beforeAll(() => {
    warn = createFixtureProject('bench-gate')
    warn.write('vitest.config.ts', CONFIG)
    warn.write('model.bench.ts', BENCH)
  })
  afterAll(() => warn.remove())

  it('fails a missing baseline in CI when no other testbed has this file, and shows the name as data in the summary and the CSV', async () => {
    const run = await warn.vitestBench({ ci: true })
    expect(run.code, run.output).toBe(1)
    expect(run.output).toContain(`Missing baselines (record them with \`npx vitest run -u\` and commit the files):\n  ${SHOWN}  (${BASELINE})`)
    const csv = warn.read('reports/results.csv')
    expect(csv).toContain(`${BASELINE},${SHOWN},${SHOWN},missing,`)
    // eslint-disable-next-line no-control-regex -- no control character may be left
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/)
  })

  it('passes a missing baseline in CI, still listed, when another testbed has this file, and says which', async () => {
    warn.write('baselines/other-machine/model.bench.ts.json', '{}\n')
    const run = await warn.vitestBench({ ci: true })
    expect(run.code, run.output).toBe(0)
    expect(run.output).toContain('0 passed, 0 regressed, 1 missing')
    expect(run.output).toContain(`No baseline for "${SHOWN}" on this testbed (e2e)`)
    expect(run.output).toContain('baselines of this test file exist for other-machine.')
  })
})

/**
 * Machine-speed calibration end to end: a fixture project profiles the
 * classifier with `calibrate: true`; the recorded baseline is then edited as if
 * it had been measured on a machine 2.5x faster (timings x0.4 and the
 * reference score to match), which must pass, and as if only the model had become 5x
 * slower (timings x0.2, same reference score), which must fail. Both effects
 * are far beyond the fixture's 50% tolerance: beside one busy process and the
 * other e2e files, the baseline's three measurements once moved 18% between
 * them, which left a 2.5x slowdown's median interval at [+47.5%, +249.4%].
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CALIBRATION_EXPONENT } from '../../src/compare/calibration.js'
import type { BaselineEntry, BaselineFile } from '../../src/types/index.js'
import { createFixtureProject, type FixtureProject } from './fixture-project.js'

const BASELINE = 'baselines/e2e/classifier.perf.test.ts.json'
const KEY = 'calibrated classifier 1'
const FASTER = 0.4
const SLOWER = 0.2

const TEST_FILE = `import { profile } from 'perfgate'
import { expect, test } from 'vitest'

test('calibrated classifier', async () => {
  const r = await profile('model.onnx', {
    dims: { height: 128, width: 128 },
    runs: 40,
    minTime: 300,
    session: { intraOpNumThreads: 1 },
    sessions: 2,
    calibrate: true,
  })
  await expect(r).toBeWithinBaseline()
})
`

/** The entry's timings scaled as if measured on a machine `f` times the speed (times x f, rates / f). */
function scaleTimings(e: BaselineEntry, f: number): void {
  for (const k of Object.keys(e.metrics)) {
    if (k.startsWith('latency.') || k.startsWith('cpu.') || k === 'loadMs' || k === 'firstRunMs') e.metrics[k]! *= f
    if (k === 'throughput') e.metrics[k]! /= f
  }
  e.samples.latency = e.samples.latency?.map((x) => x * f)
  e.samples.cpu = e.samples.cpu?.map((x) => x * f)
}

describe('calibrate: true in a Vitest project', () => {
  let project: FixtureProject
  let recorded: string
  beforeAll(() => {
    project = createFixtureProject('classifier-gate')
    project.write('classifier.perf.test.ts', TEST_FILE)
  })
  afterAll(() => project.remove())

  const editBaseline = (edit: (e: BaselineEntry) => void) => {
    const file = JSON.parse(recorded) as BaselineFile
    edit(file.entries[KEY]!)
    project.write(BASELINE, `${JSON.stringify(file, null, 2)}\n`)
  }

  it('records the reference score with the baseline entry', async () => {
    const run = await project.vitest([], { ci: false })
    expect(run.code, run.output).toBe(0)
    recorded = project.read(BASELINE)
    const entry = (JSON.parse(recorded) as BaselineFile).entries[KEY]!
    expect(entry.calibration?.workload).toBe('perfgate-reference-1')
    expect(entry.calibration?.scoreMs).toBeGreaterThan(0)
    expect(entry.calibration?.cpuScoreMs).toBeGreaterThan(0)
    expect(entry.options).toMatchObject({ calibrate: true, sessions: 2 })
  })

  it('passes when the baseline machine was 2.5x faster and its reference score says so', async () => {
    editBaseline((e) => {
      scaleTimings(e, FASTER)
      // the reference scores that the correction reads as a 2.5x faster machine for the model: one thread, so
      // the rows compare CPU time and the CPU-time score decides (compare/basis.ts)
      e.calibration!.scoreMs *= FASTER ** (1 / CALIBRATION_EXPONENT)
      e.calibration!.cpuScoreMs! *= FASTER ** (1 / CALIBRATION_EXPONENT)
    })
    const run = await project.vitest([], { ci: true })
    expect(run.code, run.output).toBe(0)
    expect(run.output).toMatch(/^perfgate: 1 passed( \([^)]*\))?, 0 regressed/m)
  })

  it('fails when the timings grew 5x but the reference score did not, and says how it calibrated', async () => {
    editBaseline((e) => scaleTimings(e, SLOWER))
    const run = await project.vitest([], { ci: true })
    expect(run.code, run.output).toBe(1)
    expect(run.output).toMatch(/latency\.p50 \(cpu time\) .*REGRESSED/)
    expect(run.output).toContain('Basis: CPU time per run.')
    expect(run.output).toMatch(
      /Calibrated for machine speed: the reference workload took CPU times of [\d.]+ ms now and [\d.]+ ms when the baseline was recorded, so current times are shown x\d\.\d{3}\./,
    )
    // a regression is confirmed by a second measurement before it fails
    expect(run.output).toMatch(/Measured 2 times, each time in fresh sessions .*the regression held on the pooled runs\./)
  })
})

/**
 * `perfgate compare`, `perfgate report` and `perfgate profile --csv`, run
 * in-process through `main(io)` on hand-made results files in a temp folder.
 * Exit codes: 0 no regression, 1 a regression, 2 bad input or usage.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, STACK_LINE } from './run-cli.js'
import { historyRecord } from '../../src/results/history.js'
import { buildResultsFile } from '../../src/results/results-file.js'
import { schemaProblem } from '../../src/results/validate-results.js'
import type { BaselineEntry, GateRecord, ResultsFile } from '../../src/types/index.js'
import { profileEntry, profileResult, runs } from '../unit/entry-factory.js'
import { HOSTILE } from '../unit/report/results-factory.js'

const FILE = 'baselines/det.perf.test.ts.json'

const cli = (argv: string[], cwd: string) => runCli(argv, cwd, { NO_COLOR: '1' })

/** A measured entry whose 20 latency samples start at `ms` (0.1 ms apart). */
function measured(ms: number, memory = 50): BaselineEntry {
  const latency = runs(ms, 20)
  return profileEntry(
    { 'latency.p50': ms + 0.95, 'latency.p95': ms + 1.8, throughput: 1000 / (ms + 0.95), 'memory.peakDeltaMB': memory },
    { latency, cpu: latency },
  )
}

function results(entries: Record<string, BaselineEntry>): ResultsFile {
  const records: GateRecord[] = Object.entries(entries).map(([key, current]) => ({ file: FILE, key, test: key, status: 'pass', current }))
  return JSON.parse(JSON.stringify(buildResultsFile(records, { createdAt: new Date('2025-01-01T00:00:00Z'), commit: 'a'.repeat(40) })))
}

let dir: string
const write = (name: string, data: unknown) => writeFileSync(join(dir, name), typeof data === 'string' ? data : JSON.stringify(data, null, 2))

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'perfgate-compare-'))
  write('main.json', results({ 'det 1': measured(10), 'cls 1': measured(2), 'gone 1': measured(1) }))
  write('slower.json', results({ 'det 1': measured(13), 'cls 1': measured(2), 'added 1': measured(1) }))
  write('faster.json', results({ 'det 1': measured(7), 'cls 1': measured(2) }))
  write('same.json', results({ 'det 1': measured(10), 'cls 1': measured(2) }))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('perfgate compare', () => {
  it('exits 1 on a regression and prints the table of each entry', async () => {
    const r = await cli(['compare', 'main.json', 'slower.json', '--md', 'out/compare.md', '--html', 'out/compare.html', '--json', 'out/compare.json'], dir)
    expect(r.code, r.stderr).toBe(1)
    expect(r.stdout).toContain('perfgate compare main.json -> slower.json: 1 regressed, 0 improved, 1 passed')
    expect(r.stdout).toMatch(/REGRESSED {2}det 1\nmetric .*\n-+.*\nlatency\.p50 +10\.9 ms +13\.9 ms +\+27\.4% .*REGRESSED/)
    expect(r.stdout).toMatch(/^ok {2}cls 1$/m)
    expect(r.stdout).toContain(`Only in main.json (not compared):\n  ${FILE} > gone 1`)
    expect(r.stdout).toContain(`Only in slower.json (not compared):\n  ${FILE} > added 1`)
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80)
    expect(r.stderr).toContain('wrote out/compare.md')
    expect(readFileSync(join(dir, 'out/compare.md'), 'utf8')).toContain('### Regressed')
    expect(readFileSync(join(dir, 'out/compare.html'), 'utf8')).toContain('<section class="entry regressed"')
    expect(schemaProblem('results', JSON.parse(readFileSync(join(dir, 'out/compare.json'), 'utf8')))).toBeNull()
  })

  it('exits 0 on an improvement, and says so', async () => {
    const r = await cli(['compare', 'main.json', 'faster.json'], dir)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('0 regressed, 1 improved, 1 passed')
    expect(r.stdout).toMatch(/^improved {2}det 1$/m)
  })

  it('exits 0 when nothing changed, and follows --tolerance and --metrics', async () => {
    expect((await cli(['compare', 'main.json', 'same.json'], dir)).code).toBe(0)
    const wide = await cli(['compare', 'main.json', 'slower.json', '--tolerance', '50%'], dir)
    expect(wide.code).toBe(0)
    const memoryOnly = await cli(['compare', 'main.json', 'slower.json', '--metrics', 'memory.peakDeltaMB'], dir)
    expect(memoryOnly.code).toBe(0)
    expect(memoryOnly.stdout).not.toContain('latency.p50')
  })

  it('compares two profile results (perfgate profile --json), each holding one model', async () => {
    const base = profileResult()
    const slow = profileResult({
      model: { path: 'models/det-v2.onnx', bytes: 2000, sha256: 'b'.repeat(64) },
      samples: { latency: [24, 20, 22, 20, 18], cpu: [40, 36, 38, 36, 34] },
      latency: { ...base.latency, p50: 20, p95: 23.6 },
      throughput: { ...base.throughput, runsPerSecond: 1000 / 20.8 },
    })
    write('a-profile.json', base)
    write('b-profile.json', slow)
    const r = await cli(['compare', 'a-profile.json', 'b-profile.json'], dir)
    expect(r.code, r.stderr).toBe(1)
    expect(r.stdout).toContain('REGRESSED  models/det.onnx -> models/det-v2.onnx')
    expect(r.stdout).toContain('model.sha256: aaaaaaaaaaaa -> bbbbbbbbbbbb')
  })

  it.each([
    ['a missing file', ['compare', 'main.json', 'nope.json'], 'Cannot read nope.json: no such file.'],
    ['a file that is not JSON', ['compare', 'main.json', 'broken.json'], 'broken.json is not valid JSON ('],
    [
      'a results file with a bad field',
      ['compare', 'bad-field.json', 'main.json'],
      'Invalid results file bad-field.json: field results[0].current.metrics["latency.p50"] must be number.',
    ],
    [
      'a profile result with a missing field',
      ['compare', 'main.json', 'bad-profile.json'],
      'Invalid profile result bad-profile.json: field latency is missing.',
    ],
    ['a JSON file of another kind', ['compare', 'main.json', 'baseline.json'], 'baseline.json is neither a perfgate results file'],
    ['files without a common entry', ['compare', 'main.json', 'other.json'], 'nothing to compare: no entry of other.json matches one of main.json'],
  ])('exits 2 on %s, naming the file and the field', async (_, argv, message) => {
    write('broken.json', '{"perfgate": 1, "kind": "res')
    const bad = results({ 'det 1': measured(10) }) as unknown as { results: { current: { metrics: Record<string, unknown> } }[] }
    bad.results[0]!.current.metrics['latency.p50'] = 'fast'
    write('bad-field.json', bad)
    const { latency: _l, ...noLatency } = profileResult()
    write('bad-profile.json', noLatency)
    write('baseline.json', { perfgate: 1, entries: {} })
    write('other.json', { ...results({ 'x 1': measured(1), 'y 1': measured(1) }) })
    const r = await cli(argv, dir)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(message)
    expect(r.stderr).not.toMatch(STACK_LINE)
  })

  it.each([
    ['one file', ['compare', 'main.json'], 'compare takes two files, A (the baseline) and B, got 1'],
    ['a bad tolerance', ['compare', 'main.json', 'same.json', '--tolerance', 'lots'], "Invalid tolerance --tolerance: got 'lots'"],
    ['an unknown metric', ['compare', 'main.json', 'same.json', '--metrics', 'latency.p42'], "--metrics: unknown metric 'latency.p42'"],
    ['a bad alpha', ['compare', 'main.json', 'same.json', '--alpha', '5'], "--alpha expects a number between 0 and 1, e.g. 0.01; got '5'"],
  ])('exits 2 with the usage on %s', async (_, argv, message) => {
    const r = await cli(argv, dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(message)
    expect(r.stderr).toContain('Usage: perfgate <command> [options]')
  })
})

describe('perfgate report', () => {
  it('prints the Markdown summary of a results file, or writes --md and --html', async () => {
    const md = await cli(['report', 'main.json'], dir)
    expect(md.code, md.stderr).toBe(0)
    expect(md.stdout.split('\n')[0]).toBe('## ✅ perfgate: 0 regressed, 3 passed')
    const files = await cli(['report', 'main.json', '--md', 'r/summary.md', '--html', 'r/report.html'], dir)
    expect(files.code, files.stderr).toBe(0)
    expect(readFileSync(join(dir, 'r/summary.md'), 'utf8')).toContain('perfgate report: 0 regressed')
    expect(readFileSync(join(dir, 'r/report.html'), 'utf8')).toContain('<svg class="chart"')
  })

  it('draws the trends of a history file with --history and --html', async () => {
    const lines = [10, 10.5, 13].map((ms, i) => {
      const file = results({ [HOSTILE]: measured(ms) })
      return JSON.stringify(
        historyRecord({ ...file, commit: `${i}`.repeat(40) }, { changedBaselines: new Set(i === 2 ? [FILE] : []), gatedMetrics: ['latency.p50'] }),
      )
    })
    write('history.jsonl', `${lines.join('\n')}\n`)
    const r = await cli(['report', '--history', 'history.jsonl', '--html', 'trends/index.html'], dir)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toContain('wrote trends/index.html (3 runs)')
    const html = readFileSync(join(dir, 'trends/index.html'), 'utf8')
    expect(html).toContain('baseline changed at 2222222')
    expect(html).not.toContain(HOSTILE)
  })

  it.each([
    ['a missing history', ['report', '--history', 'none.jsonl', '--html', 'x.html'], 'cannot read the history file none.jsonl: no such file', 2],
    ['a bad history line', ['report', '--history', 'bad.jsonl', '--html', 'x.html'], 'Invalid history file bad.jsonl, line 2: field commit is missing', 2],
    ['--history without --html', ['report', '--history', 'history.jsonl'], 'report --history needs --html FILE', 2],
    ['a results file and --history', ['report', 'main.json', '--history', 'history.jsonl', '--html', 'x.html'], 'not both', 2],
    ['a profile result instead of a results file', ['report', 'a-profile.json'], 'Invalid results file a-profile.json: field perfgate is missing', 2],
  ])('exits 2 on %s', async (_, argv, message, code) => {
    write('bad.jsonl', `${readFileSync(join(dir, 'history.jsonl'), 'utf8').split('\n')[0]}\n{"perfgate":1,"kind":"history","time":"t","entries":[]}\n`)
    const r = await cli(argv as string[], dir)
    expect(r.code).toBe(code)
    expect(r.stderr).toContain(message)
    expect(r.stderr).not.toMatch(STACK_LINE)
  })
})

describe('perfgate profile --csv', () => {
  it('writes every metric of the profile as CSV', async () => {
    const r = await cli(['profile', '--runs', '3', '--min-time', '0', '--warmup', '1', '--csv', 'profile.csv', '--json', 'profile.json'], dir)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toContain('wrote profile.csv')
    const lines = readFileSync(join(dir, 'profile.csv'), 'utf8').trimEnd().split('\r\n')
    expect(lines[0]).toMatch(/^file,key,test,status,metric,unit,better,gated,baseline,current,/)
    expect(lines.map((l) => l.split(',')[4])).toEqual(expect.arrayContaining(['latency.p50', 'latency.p95', 'throughput', 'memory.peakDeltaMB', 'loadMs']))
    expect(lines[1]).toMatch(/^,.*tiny-gpt\/model\.onnx,,measured,latency\.mean,ms,lower,false,,\d/)
    // and --json validates against schema/profile-result.schema.json: compare reads it
    const self = await cli(['compare', 'profile.json', 'profile.json'], dir)
    expect(self.code, self.stderr).toBe(0)
  })

  it('compares profiles saved with --sessions and --calibrate, and says how it calibrated', async () => {
    const quick = ['--runs', '4', '--min-time', '0', '--warmup', '1', '--sessions', '2', '--calibrate']
    const profiled = await cli(['profile', ...quick, '--json', 'cal-a.json'], dir)
    expect(profiled.code, profiled.stderr).toBe(0)
    // the same profile on a machine that ran the reference workload twice as fast: every time is
    // shown x2^0.8 = x1.741, a change far inside 500%, whatever this machine's load did to the profile
    const a = JSON.parse(readFileSync(join(dir, 'cal-a.json'), 'utf8'))
    const score: number = a.calibration.scoreMs
    expect(score).toBeGreaterThan(0)
    a.calibration.scoreMs = score / 2
    write('cal-b.json', a)
    const r = await cli(['compare', 'cal-a.json', 'cal-b.json', '--tolerance', '500%', '--json', 'cal.json'], dir)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(
      /Calibrated for machine speed: the reference workload took [\d.]+ ms now and [\d.]+ ms when the baseline was recorded, so current times are shown x1\.741\./,
    )
    const results = JSON.parse(readFileSync(join(dir, 'cal.json'), 'utf8'))
    // the scores are stored rounded to 6 significant digits, so the factor is exact to about 1e-5
    const applied = results.results[0].calibration
    expect(applied.factor).toBeCloseTo(2 ** 0.8, 4)
    expect(applied.baselineScoreMs / score).toBeCloseTo(1, 4)
    expect(applied.currentScoreMs / (score / 2)).toBeCloseTo(1, 4)
    expect(results.results[0].current.calibration.workload).toBe('perfgate-reference-1')
  })
})

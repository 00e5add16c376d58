/**
 * `perfgate sweep`, `perfgate load` and `perfgate compare-models`, run
 * in-process through `main(io)`, plus the built bin as a child process (which
 * runs the workers and fresh processes from dist/). Quick settings: the
 * wiring is under test, not the models' speed.
 */
import { execSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ROOT, runCli as cli, STACK_LINE } from './run-cli.js'
import type { LoadResult, ModelComparison, SweepResult } from '../../src/types/index.js'

const CLASSIFIER = 'bench/models/classifier.onnx'
const QUICK = ['--runs', '5', '--min-time', '0', '--warmup', '1']

let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'perfgate-cli-exp-'))
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('perfgate sweep', () => {
  it('sweeps a dimension: table, --json and --csv', async () => {
    const r = await cli(
      [
        'sweep',
        join(ROOT, CLASSIFIER),
        '--over',
        'batch=1,4',
        '--dims',
        'height=16,width=16',
        '--threads',
        '1',
        ...QUICK,
        '--json',
        's.json',
        '--csv',
        's.csv',
      ],
      tmp,
    )
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('sweep over batch (input dimension), 2 points')
    expect(r.stdout).toMatch(/batch\s+p50 ms\s+p95 ms\s+samples\/s\s+speedup\s+efficiency\s+step gain/)
    expect(r.stdout).toMatch(/Highest throughput: batch=\d+/)
    expect(r.stderr).toContain('perfgate: sweep batch=1 (1/2)')
    const json = JSON.parse(readFileSync(join(tmp, 's.json'), 'utf8')) as SweepResult
    expect(json.points.map((p) => p.label)).toEqual(['batch=1', 'batch=4'])
    const csv = readFileSync(join(tmp, 's.csv'), 'utf8').trim().split('\r\n')
    expect(csv[0]).toBe('axis,value,p50_ms,p95_ms,mean_ms,runs_per_s,throughput,speedup,factor,efficiency,step_gain,runs')
    expect(csv.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['batch,1', 'batch,4'])
  })

  it('without a model sweeps the default decoder, here over a session option', async () => {
    const r = await cli(['sweep', '--over', 'intraOpNumThreads=1,2', ...QUICK])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('the default model (tiny-gpt decoder): sweep over intraOpNumThreads (session option), 2 points')
  })

  it('CUDA where it cannot run: exit 1 with the clear message, after the CPU point', async () => {
    const r = await cli(['sweep', CLASSIFIER, '--over', 'executionProviders=cpu,cuda+cpu', '--dims', 'height=8,width=8', ...QUICK])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('The cuda execution provider was requested, but')
    expect(r.stderr).not.toMatch(STACK_LINE)
  })

  it('a value the axis cannot take exits 1 and says which', async () => {
    const r = await cli(['sweep', CLASSIFIER, '--over', 'graphOptimizationLevel=fast', '--dims', 'height=8,width=8', ...QUICK])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('over.graphOptimizationLevel has the value "fast"')
  })
})

describe('perfgate load', () => {
  it('two levels in worker threads: table and --csv; exit 0 when a level meets the SLO', async () => {
    const r = await cli(
      [
        'load',
        join(ROOT, CLASSIFIER),
        '--concurrency',
        '1,2',
        '--duration',
        '300',
        '--dims',
        'height=16,width=16',
        '--slo',
        'p95=1000',
        '--csv',
        'l.csv',
        '--json',
        'l.json',
      ],
      tmp,
    )
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('load test, 2 levels of 300 ms, closed loop (back-to-back requests); SLO p95 <= 1000 ms, errors <= 0%')
    expect(r.stdout).toMatch(/concurrency\s+requests\s+req\/s\s+ok\/s\s+p50 ms\s+p95 ms\s+p99 ms\s+errors\s+missed\s+cpu\s+SLO/)
    expect(r.stdout).toMatch(/Sustainable: concurrency [12], goodput \d+/)
    expect(readFileSync(join(tmp, 'l.csv'), 'utf8').split('\r\n')).toHaveLength(4)
    const json = JSON.parse(readFileSync(join(tmp, 'l.json'), 'utf8')) as LoadResult
    expect(json.levels.map((l) => l.errors)).toEqual([0, 0])
  })

  it('no level meeting the SLO exits 1 and says what to do', async () => {
    const r = await cli(['load', CLASSIFIER, '--concurrency', '1', '--duration', '100', '--dims', 'height=8,width=8', '--slo', 'p50=0.00001'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('No level is sustainable under the SLO.')
    expect(r.stderr).toContain('no concurrency level met the SLO')
  })
})

describe('perfgate sweep and load with --prompts (generation)', () => {
  const writePrompts = () => writeFileSync(join(tmp, 'prompts.txt'), 'The river ran through the valley.\nHello world\n')

  it('sweep --prompts over maxNewTokens with the embedded language model: table and --csv', async () => {
    writePrompts()
    const r = await cli(['sweep', '--prompts', 'prompts.txt', '--over', 'maxNewTokens=2,4', '--runs', '2', '--warmup', '0', '--csv', 'g.csv'], tmp)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('the default language model (tiny-gpt): generation sweep over maxNewTokens, 2 points')
    expect(r.stdout).toMatch(/maxNewTokens\s+TTFT p50 ms\s+TTFT p95 ms\s+TPOT p50 ms\s+E2E p50 ms\s+output tokens\/s/)
    const csv = readFileSync(join(tmp, 'g.csv'), 'utf8').split('\r\n')
    expect(csv[0]).toBe(
      'axis,value,ttft_p50_ms,ttft_p95_ms,tpot_p50_ms,e2e_p50_ms,input_tokens_p50,output_tokens_per_s,speedup,factor,efficiency,step_gain,requests',
    )
    expect(csv[2]).toMatch(/^maxNewTokens,4,/)
  })

  it('load --prompts: token figures per level; --dims is refused with --prompts', async () => {
    writePrompts()
    const r = await cli(['load', '--prompts', 'prompts.txt', '--max-new-tokens', '2', '--concurrency', '1', '--duration', '200', '--csv', 'gl.csv'], tmp)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/output tokens\/s\s+TTFT p50 ms\s+TTFT p95 ms\s+TPOT p50 ms\s+TPOT p95 ms\s+SLO/)
    expect(readFileSync(join(tmp, 'gl.csv'), 'utf8').split('\r\n')[0]).toMatch(/,output_tokens_per_s,ttft_p50_ms,ttft_p95_ms,tpot_p50_ms,tpot_p95_ms$/)
    const bad = await cli(['load', '--prompts', 'prompts.txt', '--dims', 'batch=1'], tmp)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--dims does not apply with --prompts')
  })
})

describe('perfgate compare-models', () => {
  it('named and unnamed variants, interleaved; table, --json and --csv', async () => {
    const r = await cli(
      [
        'compare-models',
        `a=${join(ROOT, CLASSIFIER)}`,
        join(ROOT, CLASSIFIER),
        '--dims',
        'height=16,width=16',
        '--rounds',
        '2',
        '--runs-per-round',
        '5',
        '--process-rounds',
        '1',
        '--json',
        'c.json',
        '--csv',
        'c.csv',
      ],
      tmp,
    )
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('Model comparison: a, classifier; reference a. 2 rounds x 5 runs each, interleaved')
    expect(r.stdout).toMatch(/metric\s+a\s+classifier\s+ratio\s+95% CI\s+verdict/)
    expect(r.stdout).toMatch(/file size\s+22\.1 KiB\s+22\.1 KiB\s+1\.00x\s+exact\s+same/)
    const json = JSON.parse(readFileSync(join(tmp, 'c.json'), 'utf8')) as ModelComparison<'a' | 'classifier'>
    expect(json.summary.order).toEqual([
      ['a', 'classifier'],
      ['classifier', 'a'],
    ])
    expect(json.a.samples.latency).toHaveLength(10)
    expect(readFileSync(join(tmp, 'c.csv'), 'utf8').split('\r\n')[1]).toMatch(/^classifier,a,latency_p50_ms,/)
  })
})

describe('wrong usage exits 2 with the usage on stderr', () => {
  it.each([
    ['sweep without --over', ['sweep', CLASSIFIER], '--over expects axis=value,value,...'],
    ['sweep --over without values', ['sweep', '--over', 'batch'], '--over expects axis=value,value,...'],
    ['sweep with two models', ['sweep', 'a.onnx', 'b.onnx', '--over', 'batch=1'], 'sweep takes one model, got 2'],
    ['load --concurrency 0', ['load', '--concurrency', '0,1'], '--concurrency expects integers >= 1 separated by commas'],
    ['load --slo nonsense', ['load', '--slo', 'p97=3'], '--slo expects bounds like p95=50,p99=80'],
    ['load --rate x', ['load', '--rate', 'x'], "--rate expects a number > 0, got 'x'"],
    ['load with an unknown flag', ['load', '--fast'], '--fast'],
    ['compare-models with one model', ['compare-models', CLASSIFIER], 'compare-models takes at least two models, got 1'],
    ['compare-models with one name twice', ['compare-models', CLASSIFIER, CLASSIFIER], "two variants are named 'classifier'"],
    ['compare-models --rounds 0', ['compare-models', 'a=x.onnx', 'b=y.onnx', '--rounds', '0'], '--rounds expects an integer >= 1'],
  ])('%s', async (_, argv, message) => {
    const r = await cli(argv)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(message)
    expect(r.stderr).toContain('Usage: perfgate <command> [options]')
  })

  it('help lists the three commands', async () => {
    const r = await cli(['help'])
    for (const c of ['sweep [model.onnx] --over', 'load [model.onnx]', 'compare-models [name=]a.onnx', '--concurrency 1,2,4', '--process-rounds N'])
      expect(r.stdout).toContain(c)
  })
})

describe('bin/perfgate.js as a child process: workers and fresh processes run from dist/', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/measure/load/load-worker.js'))) execSync('npm run build', { cwd: ROOT, stdio: 'ignore' })
  })

  it('load with two workers, and compare-models with fresh processes', () => {
    const load = spawnSync(
      process.execPath,
      ['bin/perfgate.js', 'load', CLASSIFIER, '--concurrency', '1,2', '--duration', '200', '--dims', 'height=8,width=8'],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    )
    expect(load.stderr).not.toMatch(STACK_LINE)
    expect(load.status).toBe(0)
    expect(load.stdout).toMatch(/^\s+2\s+\d+/m)
    const cmp = spawnSync(
      process.execPath,
      ['bin/perfgate.js', 'compare-models', `x=${CLASSIFIER}`, `y=${CLASSIFIER}`, '--dims', 'height=8,width=8', '--rounds', '2', '--process-rounds', '1'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      },
    )
    expect(cmp.stderr).not.toMatch(STACK_LINE)
    expect(cmp.status).toBe(0)
    expect(cmp.stdout).toContain('y against x:')
  })
})

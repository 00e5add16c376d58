/**
 * The `perfgate` command, run in-process through `main(io)` with streams that
 * collect what it writes, plus one real child process through bin/perfgate.js.
 * Exit codes: 0 success, 1 failure, 2 wrong usage.
 */
import { execSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ROOT, runCli as cli, STACK_LINE } from './run-cli.js'
import type { ProfileResult } from '../../src/types/index.js'

/** Quick runs: the CLI's wiring is under test, not the model's speed. */
const QUICK = ['--runs', '5', '--min-time', '0', '--warmup', '1']

let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'perfgate-cli-'))
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('perfgate profile', () => {
  it('--op-profile prints the operator table after the profile', async () => {
    const r = await cli(['profile', ...QUICK, '--op-profile'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Operators (onnxruntime profiler,')
    expect(r.stdout).toMatch(/^MatMul\s+\d+/m)
    expect(r.stdout).toContain('Slowest nodes:')
  })

  it('without a model profiles the embedded tiny-gpt decoder and prints the table', async () => {
    const r = await cli(['profile', ...QUICK])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('tiny-gpt/model.onnx')
    expect(r.stdout).toContain('5 measured runs (stopped by runs) after 1 warm-up runs')
    expect(r.stdout).toContain('past_key_values.0.key float32[1,4,15,32]')
    for (const label of ['load (cold start)', 'first run', 'latency p50', 'latency p95', 'throughput', 'peak rss', 'testbed:']) {
      expect(r.stdout).toContain(label)
    }
    expect(r.stderr).not.toMatch(STACK_LINE)
  })

  it('--json FILE also writes the full result, resolved from cwd', async () => {
    const r = await cli(['profile', ...QUICK, '--json', 'result.json'], tmp)
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('wrote result.json')
    const json = JSON.parse(readFileSync(join(tmp, 'result.json'), 'utf8')) as ProfileResult
    expect(json.kind).toBe('model')
    expect(json.model?.path).toMatch(/tiny-gpt\/model\.onnx$/)
    expect(json.latency.n).toBe(5)
    expect(json.samples.latency).toHaveLength(5)
    expect(json.warmupRuns).toBe(1)
    expect(json.options).toMatchObject({
      runs: 5,
      warmup: 1,
      minTime: 0,
      dims: { batch_size: 1, sequence_length: 1, past_sequence_length: 15, total_sequence_length: 16 },
    })
    expect(json.testbed.onnxruntime).not.toBe('none')
  })

  it('--dims overrides one of the default model’s dims and keeps the others', async () => {
    const r = await cli(['profile', ...QUICK, '--dims', 'past_sequence_length=7,total_sequence_length=8'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('past_key_values.0.key float32[1,4,7,32]')
    expect(r.stdout).toContain('attention_mask int64[1,8]')
  })

  it('profiles a given model with --dims and --threads', async () => {
    const r = await cli(['profile', 'bench/models/classifier.onnx', ...QUICK, '--dims', 'height=32,width=32', '--threads', '1'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('classifier.onnx')
    expect(r.stdout).toContain('pixel_values float32[1,3,32,32]')
    expect(r.stdout).toContain('intra-op 1')
    expect(r.stdout).not.toContain('throughput (samples)') // batch 1: runs/s only
  })

  it('--sessions and --calibrate spread the runs and add the reference workload row', async () => {
    const r = await cli(['profile', 'bench/models/classifier.onnx', ...QUICK, '--dims', 'height=32,width=32', '--sessions', '2', '--calibrate'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/\d+ measured runs in 2 sessions/)
    expect(r.stdout).toMatch(/reference workload \(calibrate\)\s+[\d.]+\s+ms/)
  })

  it('resolves the model path from cwd, and shows samples/s for a batch above 1', async () => {
    const r = await cli(['profile', 'classifier.onnx', ...QUICK, '--dims', 'batch=2, height=16 ,width=16'], join(ROOT, 'bench/models'))
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('pixel_values float32[2,3,16,16]')
    expect(r.stdout).toContain('throughput (samples)')
  })

  it('a missing model exits 1 with the clear message and no stack trace', async () => {
    const r = await cli(['profile', 'models/missing.onnx', ...QUICK])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('Model file not found')
    expect(r.stderr).toContain('missing.onnx')
    expect(r.stderr).not.toMatch(STACK_LINE)
    expect(r.stderr).not.toContain('Usage:')
  })

  it('a folder instead of a model exits 1 with the clear message', async () => {
    const r = await cli(['profile', 'bench/models/tiny-gpt', ...QUICK])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('bench/models/tiny-gpt is a folder, not a model file')
    expect(r.stderr).toContain('--prompts FILE')
    expect(r.stderr).not.toMatch(STACK_LINE)
  })

  it('a --json FILE that cannot be written exits 1 after the table, with no stack trace', async () => {
    const r = await cli(['profile', ...QUICK, '--json', 'no/such/folder/result.json'], tmp)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('latency p95')
    expect(r.stderr).toContain('could not write --json no/such/folder/result.json')
    expect(r.stderr).not.toMatch(STACK_LINE)
  })

  it('a symbolic dim without a value exits 1 and says how to pass it', async () => {
    const r = await cli(['profile', 'bench/models/classifier.onnx', ...QUICK])
    expect(r.code).toBe(1)
    // every missing dim at once, and no made-up 1 for an image side
    expect(r.stderr).toContain('has 2 dimensions without a value in `dims` (all are listed)')
    expect(r.stderr).toContain("  - height: axis 2 of input 'pixel_values'")
    expect(r.stderr).toContain('(CLI: --dims height=640,width=640)')
    expect(r.stderr).not.toMatch(STACK_LINE)
  })
})

describe('wrong usage exits 2 with the usage on stderr', () => {
  it.each([
    ['--runs x', ['profile', '--runs', 'x'], "--runs expects an integer from 1 to 1000000, got 'x'"],
    ['--runs 0', ['profile', '--runs', '0'], '--runs expects an integer from 1 to 1000000'],
    ['--warmup 1.5', ['profile', '--warmup', '1.5'], '--warmup expects an integer from 0 to 1000000'],
    ['--threads 0', ['profile', '--threads', '0'], '--threads expects an integer >= 1'],
    ['--sessions 0', ['profile', '--sessions', '0'], '--sessions expects an integer from 1 to 1000'],
    ['an unknown flag', ['profile', '--fast'], '--fast'],
    ['a flag without its value', ['profile', '--runs'], '--runs'],
    [
      '--dims nonsense',
      ['profile', '--dims', 'nonsense'],
      "--dims expects name=value pairs separated by commas, e.g. --dims batch=1,height=224; got 'nonsense'",
    ],
    ['--dims with a non-integer', ['profile', '--dims', 'height=1.5'], '--dims expects name=value pairs'],
    ['two models', ['profile', 'a.onnx', 'b.onnx'], 'profile takes one model, got 2: a.onnx b.onnx'],
    ['an unknown command', ['frobnicate'], "unknown command 'frobnicate'"],
    ['no command', [], 'no command given'],
  ])('%s', async (_, argv, message) => {
    const r = await cli(argv)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(message)
    expect(r.stderr).toContain('Usage: perfgate <command> [options]')
    expect(r.stderr).not.toMatch(STACK_LINE)
  })
})

describe('other commands', () => {
  it.each(['help', '--help', '-h'])('%s prints the usage on stdout and exits 0', async (arg) => {
    const r = await cli([arg])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Usage: perfgate <command> [options]')
    expect(r.stdout).toContain('--min-time MS')
    expect(r.stderr).toBe('')
  })

  it.each(['--version', '-v'])("%s prints package.json's version", async (arg) => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    const r = await cli([arg])
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(`${pkg.version}\n`)
  })

  it('update outside a project with vitest exits 1 and says how to install it', async () => {
    const r = await cli(['update'], tmp)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('vitest is not installed')
    expect(r.stderr).toContain('npm install -D vitest')
  })
})

describe('bin/perfgate.js as a child process', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/cli/main.js'))) execSync('npm run build', { cwd: ROOT, stdio: 'ignore' })
  })

  it('profile --runs 3 --min-time 0 prints the table and exits 0', () => {
    const r = spawnSync(process.execPath, ['bin/perfgate.js', 'profile', '--runs', '3', '--min-time', '0'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(r.stderr).not.toMatch(STACK_LINE)
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('tiny-gpt/model.onnx')
    expect(r.stdout).toContain('3 measured runs (stopped by runs) after 5 warm-up runs')
    expect(r.stdout).toContain('latency p95')
    expect(r.stdout).toContain('testbed:')
  })

  it('wrong usage sets exit code 2', () => {
    const r = spawnSync(process.execPath, ['bin/perfgate.js', 'profile', '--runs', 'x'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('Usage: perfgate')
  })
})

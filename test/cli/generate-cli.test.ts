/**
 * `perfgate profile --prompts FILE`: generation from the shell, run in-process
 * through `main(io)`, plus the real bin on the repository's own prompts file
 * (what a fresh clone runs). Exit codes: 0 success, 1 failure, 2 wrong usage.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { tinyGptFiles, VARIANT_OPTIONS, writeFiles } from '../../bench/models/generate.js'
import { ROOT, runCli as cli, STACK_LINE } from './run-cli.js'
import type { GenerationResult } from '../../src/types/index.js'

const PROMPTS = 'bench/prompts.txt'
/** Quick runs: the CLI's wiring is under test, not the model's speed. */
const QUICK = ['--runs', '2', '--warmup', '0', '--max-new-tokens', '4']
const promptCount = readFileSync(join(ROOT, PROMPTS), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '').length

let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'perfgate-generate-cli-'))
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('perfgate profile --prompts FILE', () => {
  it('without a model generates with the embedded tiny-gpt and prints one row per prompt', async () => {
    const r = await cli(['profile', '--prompts', PROMPTS, ...QUICK])
    expect(r.code, r.stderr).toBe(0)
    const lines = r.stdout.split('\n')
    expect(lines[0]).toMatch(
      /^bench\/models\/tiny-gpt\/model\.onnx {2}\(\d+ KiB, sha256 [0-9a-f]{12}\), optimum KV layout, tokenizer bench\/models\/tiny-gpt\/tokenizer\.json$/,
    )
    expect(lines[1]).toBe(`${promptCount} prompts x 2 measured passes after 0 warm-up passes; 4 new tokens per prompt (end-of-sequence ignored), batch 1`)
    expect(r.stdout).toMatch(/#\s+prompt\s+in\s+out\s+TTFT ms\s+TPOT ms\s+E2E ms\s+tokens\/s/)
    const rows = lines.filter((l) => /^\d+ {2}/.test(l))
    expect(rows).toHaveLength(promptCount)
    expect(rows[0]).toMatch(/^1 {2}Hello\s+\d+\s+4\s/)
    for (const label of ['TTFT', 'TPOT', 'ITL', 'E2E', 'tokens/s (output)', 'TTFT vs input tokens:', 'peak rss', 'testbed:']) expect(r.stdout).toContain(label)
    expect(r.stderr).not.toMatch(STACK_LINE)
  })

  it('--csv and --json also write the per-prompt figures and the whole result, resolved from cwd', async () => {
    writeFileSync(join(tmp, 'prompts.json'), JSON.stringify(['Hello, world', 'A longer prompt, with "quotes"']))
    const r = await cli(['profile', '--prompts', 'prompts.json', ...QUICK, '--csv', 'out.csv', '--json', 'out.json'], tmp)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toContain('wrote out.csv')
    expect(r.stderr).toContain('wrote out.json')
    const csv = readFileSync(join(tmp, 'out.csv'), 'utf8').split('\r\n')
    expect(csv[0]).toMatch(/^prompt_index,prompt,input_tokens,output_tokens,runs,ttft_ms_p50,/)
    expect(csv[1]).toMatch(/^0,"Hello, world",\d+,4,2,/)
    expect(csv[2]).toMatch(/^1,"A longer prompt, with ""quotes""",\d+,4,2,/)
    const json = JSON.parse(readFileSync(join(tmp, 'out.json'), 'utf8')) as GenerationResult
    expect(json.kind).toBe('generation')
    expect(json.prompts.map((p) => p.prompt)).toEqual(['Hello, world', 'A longer prompt, with "quotes"'])
    expect(json.requests).toHaveLength(4)
    expect(json.options).toMatchObject({ maxNewTokens: 4, runs: 2, warmup: 0 })
  })

  it('takes a model folder, --batch-size, --stop-at-eos and --threads', async () => {
    writeFiles(tinyGptFiles('legacy', VARIANT_OPTIONS.legacyDecoder), tmp)
    const r = await cli(['profile', 'legacy', '--prompts', join(ROOT, PROMPTS), ...QUICK, '--batch-size', '2', '--stop-at-eos', '--threads', '1'], tmp)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('legacy KV layout')
    expect(r.stdout).toContain('up to 4 new tokens per prompt (stops at end-of-sequence), batch 2')
    expect(r.stdout).toContain('intra-op 1')
  })

  it('a folder without tokenizer.json exits 1 with the clear message and no stack trace', async () => {
    mkdirSync(join(tmp, 'bare'), { recursive: true })
    copyFileSync(join(ROOT, 'bench/models/tiny-gpt/model.onnx'), join(tmp, 'bare/model.onnx'))
    const r = await cli(['profile', 'bare', '--prompts', join(ROOT, PROMPTS)], tmp)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('perfgate: No tokenizer.json in')
    expect(r.stderr).not.toMatch(STACK_LINE)
  })

  it('an empty prompts file and a missing one exit 1 and say what to give', async () => {
    writeFileSync(join(tmp, 'empty.txt'), '\n\n')
    const empty = await cli(['profile', '--prompts', 'empty.txt'], tmp)
    expect(empty.code).toBe(1)
    expect(empty.stderr).toContain('No prompts to generate from')
    const missing = await cli(['profile', '--prompts', 'nope.txt'], tmp)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('Cannot read prompts from')
  })

  it('wrong usage exits 2 with the usage text', async () => {
    for (const argv of [
      ['profile', '--prompts', PROMPTS, '--max-new-tokens', '0'],
      ['profile', '--prompts', PROMPTS, '--dims', 'a=1'],
      ['profile', '--prompts', PROMPTS, '--min-time', '10'],
      ['profile', '--prompts', PROMPTS, 'a', 'b'],
      ['profile', '--prompts', PROMPTS, '--temperature', '1'],
    ]) {
      const r = await cli(argv)
      expect(r.code, argv.join(' ')).toBe(2)
      expect(r.stderr).toContain('Options of profile --prompts FILE (generation):')
    }
    expect((await cli(['profile', '--prompts', PROMPTS, '--dims', 'a=1'])).stderr).toContain('--dims does not apply with --prompts')
    expect((await cli(['profile', '--prompts', PROMPTS, '--max-new-tokens', '0'])).stderr).toContain("--max-new-tokens expects an integer >= 1, got '0'")
  })
})

describe('bin/perfgate.js profile --prompts bench/prompts.txt, as on a fresh clone', () => {
  it('prints the per-prompt table of the default language model with the default options', () => {
    const r = spawnSync(process.execPath, ['bin/perfgate.js', 'profile', '--prompts', PROMPTS], { cwd: ROOT, encoding: 'utf8' })
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain(`${promptCount} prompts x 10 measured passes after 1 warm-up pass; 32 new tokens per prompt`)
    expect(r.stdout.split('\n').filter((l) => /^\d+ {2}/.test(l))).toHaveLength(promptCount)
  })
})

/** `perfgate inspect` and `perfgate init`, run in-process on real model files and temp projects. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildUnnamedDimsModel } from '../integration/unnamed-dims-model.js'
import { ROOT, runCli as cli, STACK_LINE } from './run-cli.js'

let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'perfgate-init-cli-'))
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('perfgate inspect', () => {
  it('prints inputs, outputs, opsets, size, sha256 and the dims to paste', async () => {
    const r = await cli(['inspect', 'bench/models/classifier.onnx'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('model    bench/models/classifier.onnx\n')
    expect(r.stdout).toMatch(/^sha256 {3}[0-9a-f]{64}$/m)
    expect(r.stdout).toContain('opsets   ai.onnx 17\n')
    expect(r.stdout).toMatch(/^pixel_values\s+float32\s+\[batch, 3, height, width\]$/m)
    expect(r.stdout).toMatch(/^logits\s+float32\s+\[batch, 10\]$/m)
    expect(r.stdout).toContain('dims: { batch: 1, height: 640, width: 640 }\nCLI:  --dims batch=1,height=640,width=640\n')
  })

  it("shows an unnamed dimension as ? and its 'input:axis' key; --json gives the same facts", async () => {
    const model = join(tmp, 'vad.onnx')
    writeFileSync(model, buildUnnamedDimsModel())
    const text = await cli(['inspect', model])
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/^state\s+float32\s+\[2, \?, 8\]$/m)
    expect(text.stdout).toMatch(/^state:1\s+state\s+1\s+1 \(placeholder\)/m)
    const json = await cli(['inspect', model, '--json'])
    expect(json.code).toBe(0)
    const info = JSON.parse(json.stdout)
    expect(info.inputs[1]).toEqual({ name: 'state', type: 'float32', shape: [2, null, 8] })
    expect(info.dims).toBe("{ 'input:0': 1, 'input:1': 1, 'state:1': 1 }")
  })

  it('without a model, or with two, is wrong usage (exit 2); a missing file exits 1 with no stack', async () => {
    expect((await cli(['inspect'])).code).toBe(2)
    expect((await cli(['inspect', 'a.onnx', 'b.onnx'])).code).toBe(2)
    const missing = await cli(['inspect', 'nope.onnx'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('Model file not found')
    expect(missing.stderr).not.toMatch(STACK_LINE)
  })
})

describe('perfgate init', () => {
  function project(name: string, pkg = '{ "name": "p" }'): string {
    const dir = join(tmp, name)
    mkdirSync(join(dir, 'models'), { recursive: true })
    writeFileSync(join(dir, 'package.json'), pkg)
    return dir
  }

  it('--dry-run lists what it would create and writes nothing', async () => {
    const dir = project('dry')
    copyFileSync(join(ROOT, 'bench/models/classifier.onnx'), join(dir, 'models/classifier.onnx'))
    const r = await cli(['init', '--model', 'models/classifier.onnx', '--dry-run'], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('perfgate init (dry run: nothing written):')
    expect(r.stdout).toContain('would create  perf/classifier.perf.test.ts')
    expect(() => readFileSync(join(dir, 'vitest.config.mts'))).toThrow()
  })

  it("fills an unnamed dimension as 'input:axis' in the example test", async () => {
    const dir = project('vad', '{ "name": "p", "type": "module" }')
    writeFileSync(join(dir, 'models/vad.onnx'), buildUnnamedDimsModel())
    const r = await cli(['init', '--model', 'models/vad.onnx'], dir)
    expect(r.code, r.stderr).toBe(0)
    const test = readFileSync(join(dir, 'perf/vad.perf.test.ts'), 'utf8')
    expect(test).toContain("      'input:0': 1, // axis 0, usually the batch size")
    expect(test).toContain("      'state:1': 1, // PLACEHOLDER: nothing in the model says its size")
    expect(r.stdout).toContain('ok            package.json')
  })

  it('without --model sets up the rest and says how to add the example test', async () => {
    const dir = project('nomodel')
    const r = await cli(['init'], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('created       vitest.config.mts')
    expect(r.stdout).toContain('npx perfgate init --model path/to/model.onnx')
  })

  it('outside an npm project, or with a stray argument, it refuses: exit 1 with the fix, exit 2', async () => {
    const empty = join(tmp, 'empty')
    mkdirSync(empty)
    const r = await cli(['init'], empty)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('No package.json in')
    expect(r.stderr).toContain('npm init -y')
    expect((await cli(['init', 'models/x.onnx'], empty)).code).toBe(2)
  })
})

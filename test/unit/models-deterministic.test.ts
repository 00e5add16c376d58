import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

import { generateAll, MODELS_DIR, toBytes } from '../../bench/models/generate.js'
import { decodeModel } from '../../bench/models/generator/onnx-schema.js'
import { buildTokenizer } from '../../bench/models/generator/tokenizer.js'

const EXPECTED_FILES = [
  'classifier.onnx',
  'tiny-gpt/model.onnx',
  'tiny-gpt/tokenizer.json',
  'tiny-gpt/tokenizer_config.json',
  'tiny-gpt/config.json',
  'tiny-gpt/generation_config.json',
]

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0
}

describe('bench/models generator', () => {
  const first = generateAll()

  it('generates the expected set of files', () => {
    expect([...first.keys()].sort()).toEqual([...EXPECTED_FILES].sort())
  })

  it('matches the committed files byte for byte', () => {
    const stale: string[] = []
    for (const [rel, content] of first) {
      const onDisk = new Uint8Array(readFileSync(join(MODELS_DIR, rel)))
      if (!sameBytes(onDisk, toBytes(content))) stale.push(rel)
    }
    // If this fails: run `npx tsx bench/models/generate.ts` and commit the result.
    expect(stale).toEqual([])
  })

  it('gives identical bytes when called twice', () => {
    const second = generateAll()
    expect([...second.keys()]).toEqual([...first.keys()])
    for (const [rel, content] of first) {
      const again = second.get(rel)
      expect(again, rel).toBeDefined()
      expect(sameBytes(toBytes(again as Uint8Array | string), toBytes(content)), rel).toBe(true)
    }
  })

  it('retrains the same tokenizer', () => {
    expect(JSON.stringify(buildTokenizer().tokenizerJson)).toEqual(JSON.stringify(buildTokenizer().tokenizerJson))
  })

  it('writes JSON with 2-space indent and a trailing newline', () => {
    for (const [rel, content] of first) {
      if (!rel.endsWith('.json')) continue
      expect(typeof content).toBe('string')
      const text = content as string
      expect(text.endsWith('}\n'), rel).toBe(true)
      expect(text, rel).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`)
    }
  })

  it('stamps generator metadata and opset 17 / IR 8 into the models', () => {
    for (const rel of ['classifier.onnx', 'tiny-gpt/model.onnx']) {
      const m = decodeModel(first.get(rel) as Uint8Array) as {
        ir_version: number
        opset_import: { domain?: string; version: number }[]
        metadata_props: { key: string; value: string }[]
      }
      expect(m.ir_version).toBe(8)
      expect(m.opset_import.map((o) => [o.domain ?? '', o.version])).toEqual([['', 17]])
      const meta = Object.fromEntries(m.metadata_props.map((p) => [p.key, p.value]))
      expect(meta['perfgate.generator']).toBe('perfgate bench/models/generate.ts')
    }
  })

  it('keeps the decoder at about 2 MB or less', () => {
    expect((first.get('tiny-gpt/model.onnx') as Uint8Array).length).toBeLessThanOrEqual(2_000_000)
  })
})

/**
 * opProfile: onnxruntime's profiler on the project's own decoder. Asserted:
 * the structure of the table, that MatMul-family kernels lead it, that a
 * decoder with four more layers makes them grow most, and that no profile
 * file is left behind. No timing threshold.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildSlowDecoder } from '../../bench/models/generate.js'
import { entryFromProfile } from '../../src/baseline/entry.js'
import { baselineProblem } from '../../src/baseline/validate.js'
import { opGrowth } from '../../src/compare/op-growth.js'
import { PerfgateError } from '../../src/errors.js'
import { profile } from '../../src/measure/profile.js'
import type { ProfileResult } from '../../src/types/index.js'

const DECODER = 'bench/models/tiny-gpt/model.onnx'
const DECODER_DIMS = { batch_size: 1, sequence_length: 1, past_sequence_length: 15, total_sequence_length: 16 }
const QUICK = { runs: 10, minTime: 0, warmup: 2, session: { intraOpNumThreads: 1 }, dims: DECODER_DIMS } as const
/** Matrix products as onnxruntime may run them after fusing or quantizing. */
const MATMUL_FAMILY = ['MatMul', 'FusedMatMul', 'Gemm', 'MatMulInteger', 'DynamicQuantizeMatMul', 'MatMulIntegerToFloat', 'QLinearMatMul', 'MatMulNBits']

const profileDirs = () => readdirSync(tmpdir()).filter((f) => f.startsWith('perfgate-ort-profile-'))

let tmp: string
let base: ProfileResult
let heavy: ProfileResult
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'perfgate-opprof-'))
  writeFileSync(join(tmp, 'decoder-6l.onnx'), buildSlowDecoder())
  base = await profile(DECODER, { ...QUICK, opProfile: { runs: 100 } })
  heavy = await profile(join(tmp, 'decoder-6l.onnx'), { ...QUICK, opProfile: { runs: 100 } })
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('opProfile on the default decoder', () => {
  it('reports operator types and nodes with calls, total and mean ms and share; the measured runs are untouched', () => {
    const op = base.opProfile!
    expect(op.runs + (op.droppedRuns ?? 0)).toBe(100)
    // runs beyond twice the median are dropped as outliers (a busy machine makes many): never the half at or below it
    expect(op.runs).toBeGreaterThanOrEqual(50)
    expect(op.runMs).toBeGreaterThan(0)
    expect(base.latency.n).toBe(10)
    expect(op.byNode.length).toBeGreaterThan(0)
    expect(op.byNode.length).toBeLessThanOrEqual(15)
    for (const o of [...op.byType, ...op.byNode]) {
      expect(o.calls).toBeGreaterThan(0)
      expect(o.meanMs).toBeCloseTo(o.totalMs / o.calls, 9)
      expect(o.share).toBeCloseTo(o.totalMs / op.runMs, 9)
    }
    for (const n of op.byNode) expect(n.provider).toBe('CPUExecutionProvider')
    // sequential execution: kernels fit inside their runs
    expect(op.byType.reduce((s, o) => s + o.share, 0)).toBeLessThanOrEqual(1)
    const totals = op.byType.map((o) => o.totalMs)
    expect(totals).toEqual([...totals].sort((a, b) => b - a))
  })

  // which type comes first is timing (MatMul leads Add by about 1.5x in this small decoder, and a preempted kernel
  // on a busy machine reorders them): the test checks what the profiler reports, not the order of close figures
  it('lists the matrix products with their calls and time', () => {
    const family = base.opProfile!.byType.filter((o) => MATMUL_FAMILY.includes(o.opType))
    expect(family.length).toBeGreaterThan(0)
    for (const o of family) expect([o.calls % base.opProfile!.runs, o.totalMs > 0]).toEqual([0, true])
  })

  it('is stored with the baseline entry, which still validates against the schema', () => {
    const entry = entryFromProfile(base, 'decoder')
    expect(entry.opProfile?.byType[0]?.opType).toBe(base.opProfile!.byType[0]!.opType)
    expect(baselineProblem({ perfgate: 1, entries: { 'decoder 1': entry } }, 'baselines/x.json')).toBeNull()
  })

  it('leaves no profile file behind, in the temp folder or the working directory', () => {
    expect(profileDirs()).toEqual([])
    expect(readdirSync('.').filter((f) => /^(ort|onnxruntime_profile).*\.json$/.test(f))).toEqual([])
    expect(existsSync(tmp)).toBe(true)
  })
})

describe('a decoder with four more layers', () => {
  // three times the matrix products (6 layers against 2): a growth far beyond what load does to their time; which
  // type grew most is not checked (a preempted Add kernel out-grew them once under load)
  it('grows the matrix products, and lists the new layers’ nodes as new', () => {
    const growth = opGrowth(entryFromProfile(base, 'd').opProfile!, entryFromProfile(heavy, 'd').opProfile!)
    const family = growth.byType.filter((r) => MATMUL_FAMILY.includes(r.opType)).reduce((s, r) => s + r.changeMs, 0)
    expect(family, JSON.stringify(growth.byType)).toBeGreaterThan(0)
    expect(growth.byNode.some((r) => r.baselineMs === null && /h\.[2-5]\./.test(r.node ?? ''))).toBe(true)
  })
})

describe('opProfile errors', () => {
  it('is refused for a function, before it runs', async () => {
    let calls = 0
    const err: unknown = await profile(() => calls++, { opProfile: true }).catch((e: unknown) => e)
    expect((err as PerfgateError).code).toBe('OPTION_INVALID')
    expect((err as PerfgateError).message).toContain('needs a model path')
    expect(calls).toBe(0)
  })

  it('a bad value fails before the model is loaded', async () => {
    const err: unknown = await profile(DECODER, { ...QUICK, opProfile: { runs: -1 } }).catch((e: unknown) => e)
    expect((err as PerfgateError).code).toBe('OPTION_INVALID')
  })
})

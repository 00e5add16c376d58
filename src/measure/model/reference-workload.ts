/**
 * The machine-speed reference for `calibrate: true`: a fixed workload made of
 * the project's own embedded models (the classifier on one 64x64 image and a
 * 16-token prefill of the tiny decoder, one intra-op thread each), measured in
 * short blocks, each with fresh sessions, before, between and after the
 * subject's measured runs. Its score, the geometric mean of the two medians, is
 * stored with the baseline entry; a comparison multiplies the current timings
 * by the ratio of the two scores, which removes most of the drift of the
 * machine's speed between the day a baseline was recorded and today.
 */
import { fileURLToPath } from 'node:url'
import ort from 'onnxruntime-node'
import { percentile, sortSamples } from '../../stats/index.js'
import type { Calibration } from '../../types/index.js'
import { perfgateError } from '../../errors.js'
import { generateFeeds } from '../inputs/feeds.js'

/** Identifies the workload; scores of different workloads are never compared. */
export const REFERENCE_WORKLOAD = 'perfgate-reference-1'

/** Iterations of the first block, and of every later one. */
export const REFERENCE_BLOCK = { first: 100, between: 40 } as const

const REFERENCE_PARTS = [
  { file: '../../../bench/models/classifier.onnx', dims: { batch: 1, height: 64, width: 64 } },
  {
    file: '../../../bench/models/tiny-gpt/model.onnx',
    dims: { batch_size: 1, sequence_length: 16, past_sequence_length: 0, total_sequence_length: 16 },
  },
] as const

interface Part {
  path: string
  dims: Readonly<Record<string, number>>
  samples: number[]
  /** CPU time of the process per run, ms (one intra-op thread: equal to the wall time on an idle core). */
  cpuSamples: number[]
}

export class ReferenceWorkload {
  private blocks = 0
  private readonly parts: Part[] = REFERENCE_PARTS.map((p) => ({
    path: fileURLToPath(new URL(p.file, import.meta.url)),
    dims: p.dims,
    samples: [],
    cpuSamples: [],
  }))

  /**
   * Fresh sessions of the parts (where a session's memory lands moves its speed by a few percent, so
   * every block gets its own), a few unmeasured iterations, then the measured ones (REFERENCE_BLOCK.first
   * in the first block, REFERENCE_BLOCK.between in later ones), each part in turn. Callers run blocks only
   * after the subject's memory has been read: the reference's sessions must not change its figures.
   */
  async block(): Promise<void> {
    const iterations = this.blocks++ === 0 ? REFERENCE_BLOCK.first : REFERENCE_BLOCK.between
    const open: { part: Part; session: ort.InferenceSession; feeds: Record<string, ort.Tensor> }[] = []
    try {
      for (const part of this.parts) {
        const session = await ort.InferenceSession.create(part.path, { intraOpNumThreads: 1 })
        open.push({ part, session, feeds: generateFeeds(session.inputMetadata, { dims: part.dims, seed: 1, intMax: 100 }).feeds })
      }
      for (let i = 0; i < 5; i++) for (const o of open) await o.session.run(o.feeds)
      for (let i = 0; i < iterations; i++) {
        for (const o of open) {
          const c0 = process.cpuUsage()
          const t0 = performance.now()
          await o.session.run(o.feeds)
          o.part.samples.push(performance.now() - t0)
          const c1 = process.cpuUsage(c0)
          o.part.cpuSamples.push((c1.user + c1.system) / 1000)
        }
      }
    } catch (err) {
      const path = this.parts[open.length]?.path ?? this.parts.map((p) => p.path).join(', ')
      throw perfgateError('REFERENCE_FAILED', { path, detail: (err as Error).message }, err)
    } finally {
      await Promise.all(open.map((o) => o.session.release().catch(() => undefined)))
    }
  }

  /** The score over every block so far: the geometric mean of the parts' median times, ms, in wall time and in CPU time. */
  calibration(): Calibration {
    const score = (of: (p: Part) => number[]) => {
      const medians = this.parts.map((p) => percentile(sortSamples(of(p)), 50))
      return Math.exp(medians.reduce((a, m) => a + Math.log(m), 0) / medians.length)
    }
    const cpuScoreMs = score((p) => p.cpuSamples)
    return {
      workload: REFERENCE_WORKLOAD,
      scoreMs: score((p) => p.samples),
      runs: this.parts[0]?.samples.length ?? 0,
      // a CPU clock too coarse to see a run would give 0: then there is no CPU score
      ...(cpuScoreMs > 0 ? { cpuScoreMs } : {}),
    }
  }
}

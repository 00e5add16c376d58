/**
 * The main job: profiles the models this project ships and gates them against
 * baselines/<testbed>/bench/embedded-models.perf.test.ts.json, with the CI
 * settings: one onnxruntime thread, runs spread over 6 sessions, and the
 * machine-speed reference measured alongside (calibrate); every entry with the
 * default 10% tolerance.
 */
import { profile } from 'perfgate'
import { describe, expect, test } from 'vitest'

const DECODER = 'bench/models/tiny-gpt/model.onnx'
const CLASSIFIER = 'bench/models/classifier.onnx'
const common = { warmup: 20, runs: 200, minTime: 1500, session: { intraOpNumThreads: 1 }, sessions: 6, calibrate: true }

describe('tiny-gpt decoder', () => {
  test('prefill of 128 tokens', async () => {
    const r = await profile(DECODER, {
      ...common,
      dims: { batch_size: 1, sequence_length: 128, past_sequence_length: 0, total_sequence_length: 128 },
    })
    await expect(r).toBeWithinBaseline()
  })

  test('one decode step after 127 cached tokens', async () => {
    const r = await profile(DECODER, {
      ...common,
      dims: { batch_size: 1, sequence_length: 1, past_sequence_length: 127, total_sequence_length: 128 },
    })
    await expect(r).toBeWithinBaseline()
  })
})

test('classifier, batch 4 at 128x128', async () => {
  const r = await profile(CLASSIFIER, { ...common, dims: { batch: 4, height: 128, width: 128 } })
  await expect(r).toBeWithinBaseline()
  // a number read from the result in this test is gated with that result's samples: its latency.p95 row
  await expect(r.latency.p95).toBeWithinBaseline({ name: 'classifier p95' })
})

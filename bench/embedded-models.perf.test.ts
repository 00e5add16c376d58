/**
 * The main job: profiles the models this project ships and gates them against
 * baselines/bench/embedded-models.perf.test.ts.json. One onnxruntime thread
 * keeps the figures steady on a 2-core machine.
 */
import { profile } from 'perfgate'
import { describe, expect, test } from 'vitest'

const DECODER = 'bench/models/tiny-gpt/model.onnx'
const CLASSIFIER = 'bench/models/classifier.onnx'
const common = { warmup: 20, runs: 200, minTime: 1500, session: { intraOpNumThreads: 1 } }

describe('tiny-gpt decoder', () => {
  test('prefill of 128 tokens', async () => {
    const r = await profile(DECODER, {
      ...common,
      dims: { batch_size: 1, sequence_length: 128, past_sequence_length: 0, total_sequence_length: 128 },
    })
    expect(r).toBeWithinBaseline()
  })

  test('one decode step after 127 cached tokens', async () => {
    const r = await profile(DECODER, {
      ...common,
      dims: { batch_size: 1, sequence_length: 1, past_sequence_length: 127, total_sequence_length: 128 },
    })
    expect(r).toBeWithinBaseline()
  })
})

test('classifier, batch 4 at 128x128', async () => {
  const r = await profile(CLASSIFIER, { ...common, dims: { batch: 4, height: 128, width: 128 } })
  expect(r).toBeWithinBaseline()
  expect(r.throughput.samplesPerSecond).toBeWithinBaseline({ name: 'classifier samples/s', better: 'higher' })
})

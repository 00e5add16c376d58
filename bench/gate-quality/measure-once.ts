/**
 * One fresh measurement for the gate-quality benchmark, in its own process:
 * a reference workload (for the calibration experiment), then the classifier
 * at the given width. Prints one JSON line: the baseline entry, the reference
 * score and the time the profile took.
 */
import { entryFromProfile } from '../../src/baseline/entry.js'
import { profile } from '../../src/measure/profile.js'

const [width, threads] = process.argv.slice(2).map(Number)
const session = threads ? { intraOpNumThreads: threads } : {}
const ref = await profile('bench/models/tiny-gpt/model.onnx', {
  dims: { batch_size: 1, sequence_length: 16, past_sequence_length: 0, total_sequence_length: 16 },
  warmup: 5,
  runs: 30,
  minTime: 300,
  session,
})
const t0 = performance.now()
const r = await profile('bench/models/classifier.onnx', { dims: { height: 128, width: width ?? 128 }, session })
const profileMs = performance.now() - t0
console.log(JSON.stringify({ entry: entryFromProfile(r, 'gate-quality'), referenceP50: ref.latency.p50, profileMs }))

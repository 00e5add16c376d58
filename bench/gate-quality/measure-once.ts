/**
 * One fresh measurement for the gate-quality benchmark, in its own process:
 * the classifier at the given width, profiled with perfgate's plain defaults
 * (one session, no reference; intra-op threads as the benchmark is told), and
 * then as `profile(model)` in a gated test gets it: the gate defaults (one
 * intra-op thread, 6 sessions, calibrate; src/measure/run/gate-defaults.ts).
 * Prints one JSON line: both baseline entries and the time each profile took.
 */
import { entryFromProfile } from '../../src/baseline/entry.js'
import { profile } from '../../src/measure/profile.js'
import { useGateDefaults } from '../../src/measure/run/gate-defaults.js'
import type { ProfileOptions } from '../../src/measure/run/options.js'

const [width, threads] = process.argv.slice(2).map(Number)
const dims = { height: 128, width: width ?? 128 }

async function measure(options: ProfileOptions) {
  const t0 = performance.now()
  const r = await profile('bench/models/classifier.onnx', options)
  return { entry: entryFromProfile(r, 'gate-quality'), profileMs: performance.now() - t0 }
}

const plain = await measure({ dims, session: threads ? { intraOpNumThreads: threads } : {} })
useGateDefaults(true)
const ci = await measure({ dims })
console.log(JSON.stringify({ plain, ci }))

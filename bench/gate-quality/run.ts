/**
 * Gate quality, measured: repeated fresh measurements (one process each, in
 * interleaved order) of the project's classifier at 128x128 (A), at 128x141
 * (about +10% compute) and at 128x160 (+25%), then every rule applied to
 * A/A pairs (false alarms) and A/B pairs (detections).
 *
 *   npx tsx bench/gate-quality/run.ts [rounds=15] [threads=1] [--reuse]
 *
 * Each round measures A twice, +10% once and +25% once. Pairs are all ordered
 * pairs of distinct independent measurements, so rates have finer resolution
 * than the number of rounds (they are not independent trials).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { BaselineEntry } from '../../src/types/index.js'
import { RULES, scaled } from './rules.js'

interface Measurement {
  entry: BaselineEntry
  referenceP50: number
  profileMs: number
}

const rounds = Number(process.argv[2] ?? 15)
const threads = Number(process.argv[3] ?? 1)
const root = fileURLToPath(new URL('../../', import.meta.url))
const script = fileURLToPath(new URL('./measure-once.ts', import.meta.url))
const tsx = `${root}node_modules/tsx/dist/cli.mjs`

function measure(width: number): Measurement {
  const out = execFileSync(process.execPath, [tsx, script, String(width), String(threads)], { cwd: root, encoding: 'utf8' })
  return JSON.parse(out.trim().split('\n').pop()!) as Measurement
}

// `--reuse` scores the rules again on the measurements of the last run (saved next to this file, git-ignored)
const saved = fileURLToPath(new URL('./.last-run.json', import.meta.url))
let base: Measurement[] = []
let plus10: Measurement[] = []
let plus25: Measurement[] = []
if (process.argv.includes('--reuse')) {
  ;({ base, plus10, plus25 } = JSON.parse(readFileSync(saved, 'utf8')) as { base: Measurement[]; plus10: Measurement[]; plus25: Measurement[] })
} else {
  for (let i = 0; i < rounds; i++) {
    base.push(measure(128))
    plus10.push(measure(141))
    base.push(measure(128))
    plus25.push(measure(160))
    process.stderr.write(`round ${i + 1}/${rounds}\n`)
  }
  writeFileSync(saved, JSON.stringify({ threads, base, plus10, plus25 }))
}

function rate(pairs: [Measurement, Measurement][], rule: (b: BaselineEntry, c: BaselineEntry) => boolean, calibrate: boolean): number {
  let alarms = 0
  for (const [b, c] of pairs) {
    const current = calibrate ? scaled(c.entry, b.referenceP50 / c.referenceP50) : c.entry
    if (rule(b.entry, current)) alarms++
  }
  return alarms / pairs.length
}

const aa: [Measurement, Measurement][] = []
for (const b of base) for (const c of base) if (b !== c) aa.push([b, c])
const ab = (variants: Measurement[]) => base.flatMap((b) => variants.map((c) => [b, c] as [Measurement, Measurement]))
const pct = (x: number) => `${(x * 100).toFixed(1)}%`
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const rows: string[] = []
for (const calibrate of [false, true]) {
  for (const [name, rule] of Object.entries(RULES)) {
    if (calibrate && name !== 'perfgate') continue
    rows.push(
      `| ${name}${calibrate ? ' + calibration' : ''} | ${pct(rate(aa, rule, calibrate))} | ${pct(rate(ab(plus10), rule, calibrate))} | ${pct(rate(ab(plus25), rule, calibrate))} |`,
    )
  }
}
const slow10 = median(plus10.map((m) => m.entry.metrics['latency.p50']!)) / median(base.map((m) => m.entry.metrics['latency.p50']!))
const slow25 = median(plus25.map((m) => m.entry.metrics['latency.p50']!)) / median(base.map((m) => m.entry.metrics['latency.p50']!))
console.log(`gate quality: ${rounds} rounds, intraOpNumThreads ${threads || 'default'}, ${base.length} A + ${plus10.length} (+10%) + ${plus25.length} (+25%) measurements`)
console.log(`measured slowdown of the variants (median p50 ratio): +${((slow10 - 1) * 100).toFixed(1)}%, +${((slow25 - 1) * 100).toFixed(1)}%`)
console.log(`median time to a verdict (one profile with perfgate's defaults): ${(median(base.map((m) => m.profileMs)) / 1000).toFixed(2)} s`)
console.log(`pairs: ${aa.length} A/A, ${ab(plus10).length} A/+10%, ${ab(plus25).length} A/+25%\n`)
console.log('| rule | false alarms (A/A) | detected +10% | detected +25% |')
console.log('|---|---|---|---|')
for (const r of rows) console.log(r)

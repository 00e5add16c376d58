/** The table `perfgate profile` prints: every figure of a profile result and its testbed. */
import type { ProfileResult } from '../types/index.js'
import { formatNumber } from './format-number.js'
import { terminalLines } from './terminal-text.js'
import { testbedLine } from './machine-fields.js'
import { textTable } from './text-table.js'

export function profileTable(r: ProfileResult): string {
  const rows: [string, string, string][] = []
  const add = (metric: string, value: number | undefined, unit: string) => {
    if (value !== undefined) rows.push([metric, formatNumber(value), unit])
  }
  add('load (cold start)', r.loadMs, 'ms')
  add('first run', r.firstRunMs, 'ms')
  const l = r.latency
  add('latency mean', l.mean, 'ms')
  add('latency sd', l.sd, 'ms')
  add('latency min', l.min, 'ms')
  add('latency p50', l.p50, 'ms')
  add('latency p90', l.p90, 'ms')
  add('latency p95', l.p95, 'ms')
  add('latency p99', l.p99, 'ms')
  add('latency max', l.max, 'ms')
  add('latency cv', l.cv * 100, '%')
  if (Number.isFinite(r.sampling.medianHalfWidth)) add('p50 99% interval ±', r.sampling.medianHalfWidth * 100, '%')
  add('cpu per run (mean)', r.cpu.mean, 'ms')
  add('cpu per run (p50)', r.cpu.p50, 'ms')
  add('throughput', r.throughput.runsPerSecond, 'runs/s')
  if (r.throughput.batchSize !== 1) add('throughput (samples)', r.throughput.samplesPerSecond, 'samples/s')
  add('rss before load', r.memory.rssBeforeLoadMB, 'MiB')
  add('rss after load', r.memory.rssAfterLoadMB, 'MiB')
  add(`peak rss (${r.memory.peakSource})`, r.memory.peakRssMB, 'MiB')
  add('peak - before load', r.memory.peakDeltaMB, 'MiB')
  if (r.calibration) add('reference workload (calibrate)', r.calibration.scoreMs, 'ms')
  const head = r.model ? `${r.model.path}  (${formatNumber(r.model.bytes / 1024)} KiB, sha256 ${r.model.sha256.slice(0, 12)})` : 'function'
  const t = r.testbed
  const inputs = r.inputs
    ? Object.entries(r.inputs)
        .map(([k, v]) => `${k} ${v.type}[${v.dims.join(',')}]`)
        .join(', ')
    : ''
  return terminalLines(
    [
      head,
      `${l.n} measured runs${r.sessions ? ` in ${r.sessions} sessions` : ''} (stopped by ${r.sampling.stoppedBy}) after ${r.warmupRuns} warm-up runs${inputs ? `; inputs: ${inputs}` : ''}`,
      '',
      textTable(['metric', 'value', 'unit'], rows, ['left', 'right', 'left']),
      '',
      testbedLine(t),
      ...(r.gateDefaults ? [r.gateDefaults.note] : []),
    ].join('\n'),
  )
}

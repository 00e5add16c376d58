import type { Testbed } from '../types/index.js'

/** The testbed line under a profile's and a generation's table: machine, runtime, providers and threads. */
export function testbedLine(t: Testbed): string {
  const threads = `intra-op ${t.intraOpNumThreads ?? 'default'}, inter-op ${t.interOpNumThreads ?? 'default'}`
  return `testbed: ${t.cpuModel}, ${t.cores} cores, ${t.os} ${t.arch}, node ${t.node}, onnxruntime ${t.onnxruntime} [${t.executionProviders.join(',')}], ${threads}`
}

/** Difference fields that describe the machine and runtime, as opposed to the model or the options: a change in them may be the machine, not the code. */
export const MACHINE_FIELDS: ReadonlySet<string> = new Set([
  'cpuModel',
  'cores',
  'os',
  'arch',
  'node',
  'onnxruntime',
  'executionProviders',
  'intraOpNumThreads',
  'interOpNumThreads',
])

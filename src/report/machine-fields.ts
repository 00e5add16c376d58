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

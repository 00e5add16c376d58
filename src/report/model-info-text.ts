/** `perfgate inspect`'s text: a model's identity, operator sets, inputs, outputs and the `dims` that set its free dimensions. Pure. */
import { formatBytes } from '../message-values.js'
import type { ModelInfo, ModelValueInfo } from '../types/index.js'
import { terminalLines } from './terminal-text.js'
import { textTable } from './text-table.js'

function shape(v: ModelValueInfo): string {
  return `[${v.shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]`
}

function valuesTable(values: readonly ModelValueInfo[]): string {
  if (values.length === 0) return '(none)'
  return textTable(
    ['name', 'type', 'shape'],
    values.map((v) => [v.name, v.type, shape(v)]),
    ['left', 'left', 'left'],
  )
}

function opsetText(info: ModelInfo): string {
  if (info.opsets.length === 0) return '(none declared)'
  return info.opsets.map((o) => `${o.domain === '' ? 'ai.onnx' : o.domain} ${o.version}`).join(', ')
}

function freeDimsSection(info: ModelInfo): string[] {
  if (info.freeDims.length === 0) return ['Every input has a fixed shape: profile it without `dims`.']
  const table = textTable(
    ['dims key', 'input', 'axis', 'value', 'what to give'],
    info.freeDims.map((d) => [d.key, d.input, String(d.axis), d.known ? String(d.value) : `${d.value} (placeholder)`, d.advice]),
    ['left', 'left', 'right', 'left', 'left'],
  )
  const placeholders = info.freeDims.some((d) => !d.known)
  return [
    `Free dimensions (an unnamed one is set as 'input:axis'):`,
    table,
    '',
    `dims: ${info.dims}`,
    `CLI:  --dims ${info.dimsFlag}`,
    ...(placeholders ? ['Replace each placeholder with the size your production traffic has.'] : []),
  ]
}

export function modelInfoText(info: ModelInfo): string {
  const lines = [
    `model    ${info.path}`,
    `size     ${info.bytes} bytes${info.bytes >= 1024 ? ` (${formatBytes(info.bytes).split(' (')[0]})` : ''}`,
    `sha256   ${info.sha256}`,
    `opsets   ${opsetText(info)}`,
    ...(info.irVersion !== undefined ? [`IR       ${info.irVersion}`] : []),
    ...(info.producer ? [`producer ${info.producer}`] : []),
    '',
    'Inputs:',
    valuesTable(info.inputs),
    '',
    'Outputs:',
    valuesTable(info.outputs),
    '',
    ...freeDimsSection(info),
  ]
  return terminalLines(lines.join('\n'))
}

/**
 * The report of a generation profile: one row per prompt (preview, input and
 * output tokens, TTFT, TPOT, E2E, tokens/s, each the median over the measured
 * passes), the distributions over every request, memory, how TTFT and TPOT
 * grow with the prompt's length, and the testbed. Pure.
 */
import type { EndpointFigures, EndpointIdentity, Distribution, GenerationResult, TokenScaling } from '../types/index.js'
import { formatNumber } from './format-number.js'
import { terminalLines } from './terminal-text.js'
import { testbedLine } from './machine-fields.js'
import { textTable } from './text-table.js'

/** Characters of a prompt shown in the table. */
export const PROMPT_PREVIEW_CHARS = 40

/** A prompt on one line: whitespace runs collapsed, cut to `max` characters with an ellipsis. */
export function promptPreview(prompt: string, max: number = PROMPT_PREVIEW_CHARS): string {
  const flat = prompt.replace(/\s+/g, ' ').trim()
  const chars = [...flat]
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`
}

/** The per-prompt table alone. */
export function promptTable(g: GenerationResult): string {
  const rows = g.prompts.map((p, i) => [
    String(i + 1),
    promptPreview(p.prompt),
    String(p.inputTokens),
    String(p.outputTokens),
    formatNumber(p.ttft.p50),
    p.tpot ? formatNumber(p.tpot.p50) : '-',
    formatNumber(p.e2e.p50),
    formatNumber(p.tokensPerSecond.p50),
  ])
  return textTable(['#', 'prompt', 'in', 'out', 'TTFT ms', 'TPOT ms', 'E2E ms', 'tokens/s'], rows, [
    'right',
    'left',
    'right',
    'right',
    'right',
    'right',
    'right',
    'right',
  ])
}

function summaryTable(g: GenerationResult): string {
  const rows: string[][] = []
  const add = (label: string, d: Distribution | null, unit: string) => {
    if (!d) return
    rows.push([label, ...[d.mean, d.sd, d.min, d.p50, d.p90, d.p95, d.p99, d.max].map(formatNumber), unit])
  }
  add('TTFT', g.ttft, 'ms')
  add('TPOT', g.tpot, 'ms')
  add('ITL', g.itl, 'ms')
  add('E2E', g.e2e, 'ms')
  add('tokens/s (output)', g.tokensPerSecond, 'tokens/s')
  add('total tokens/s', g.totalTokensPerSecond, 'tokens/s')
  add('prefill tokens/s', g.prefillTokensPerSecond, 'tokens/s')
  add('input tokens', g.inputTokens, 'tokens')
  add('output tokens', g.outputTokens, 'tokens')
  return textTable(['over all requests', 'mean', 'sd', 'min', 'p50', 'p90', 'p95', 'p99', 'max', 'unit'], rows, [
    'left',
    'right',
    'right',
    'right',
    'right',
    'right',
    'right',
    'right',
    'right',
    'left',
  ])
}

function scalingLine(what: string, s: TokenScaling | null): string {
  if (!s) return `${what} vs input tokens: needs prompts of at least two lengths`
  const slope = `${s.slopeMsPerToken >= 0 ? '+' : ''}${formatNumber(s.slopeMsPerToken)}`
  return `${what} vs input tokens: ${slope} ms per token, ${formatNumber(s.interceptMs)} ms at 0 tokens (r = ${s.r.toFixed(2)}, ${s.points} requests)`
}

export function generationTable(g: GenerationResult): string {
  const m = g.model
  const t = g.testbed
  const passes = (n: number, what: string) => `${n} ${what} pass${n === 1 ? '' : 'es'}`
  const eos = g.ignoreEos
    ? `${g.maxNewTokens} new tokens per prompt (end-of-sequence ignored)`
    : `up to ${g.maxNewTokens} new tokens per prompt (stops at end-of-sequence)`
  const mem = g.memory
  if (g.endpoint && t.endpoint) return endpointTable(g, t.endpoint, g.endpoint, passes(g.runs, 'measured'), passes(g.warmupRuns, 'warm-up'), eos)
  return terminalLines(
    [
      `${m.path}  (${formatNumber(m.bytes / 1024)} KiB, sha256 ${m.sha256.slice(0, 12)}), ${g.layout} KV layout, tokenizer ${g.tokenizer}`,
      `${g.prompts.length} prompt${g.prompts.length === 1 ? '' : 's'} x ${passes(g.runs, 'measured')} after ${passes(g.warmupRuns, 'warm-up')}; ${eos}, batch ${g.batchSize}`,
      '',
      promptTable(g),
      '(per prompt: the median over the measured passes; tokens/s = output tokens / E2E)',
      '',
      summaryTable(g),
      '',
      scalingLine('TTFT', g.scaling.ttft),
      scalingLine('TPOT', g.scaling.tpot),
      `load (cold start) ${formatNumber(g.loadMs)} ms; peak rss (${mem.peakSource}) ${formatNumber(mem.peakRssMB)} MiB; peak - before load ${formatNumber(mem.peakDeltaMB)} MiB`,
      '',
      testbedLine(t),
    ].join('\n'),
  )
}

/** An endpoint result: the server instead of the model file, KV layout, load time and threads; how tokens were counted. */
function endpointTable(g: GenerationResult, id: EndpointIdentity, e: EndpointFigures, measured: string, warmup: string, eos: string): string {
  const t = g.testbed
  const said = [
    id.servedModel && `serves ${id.servedModel}`,
    id.systemFingerprint && `fingerprint ${id.systemFingerprint}`,
    id.server && `Server: ${id.server}`,
  ]
  const counted = {
    usage: "the server's usage",
    tokenizer: `the tokenizer ${g.tokenizer}`,
    'chunks-estimate': 'content chunks (an estimate: the server sent no usage)',
    mixed: 'usage, tokenizer or chunks (mixed)',
  }
  return terminalLines(
    [
      `${id.url} (${id.api} API, model ${id.model})${said
        .filter(Boolean)
        .map((x) => `, ${x}`)
        .join('')}`,
      `${g.prompts.length} prompt${g.prompts.length === 1 ? '' : 's'} x ${measured} after ${warmup}, one request at a time; ${eos}`,
      '',
      promptTable(g),
      '(per prompt: the median over the measured passes; TTFT from the request scheduled to the first content chunk; tokens/s = output tokens / E2E)',
      '',
      summaryTable(g),
      '',
      `output tokens counted from ${counted[e.tokenSource]}; overall ${formatNumber(e.overallTokensPerSecond)} output tokens/s over ${formatNumber(e.wallMs)} ms of measured requests`,
      '',
      `client: ${t.cpuModel}, ${t.cores} cores, ${t.os} ${t.arch}, node ${t.node}`,
    ].join('\n'),
  )
}

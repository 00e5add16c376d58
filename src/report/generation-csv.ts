/**
 * The per-prompt figures of a generation profile as CSV (RFC 4180: comma
 * separated, fields quoted when they hold a comma, quote or line break, CRLF
 * between records), full precision, for spreadsheets and plots; prompts and
 * generated text are data (the one CSV writer guards them). Pure.
 */
import { csvDocument } from './csv-writer.js'
import type { Distribution, GenerationResult } from '../types/index.js'

export const GENERATION_CSV_COLUMNS = [
  'prompt_index',
  'prompt',
  'input_tokens',
  'output_tokens',
  'runs',
  'ttft_ms_p50',
  'ttft_ms_mean',
  'tpot_ms_p50',
  'tpot_ms_mean',
  'e2e_ms_p50',
  'e2e_ms_mean',
  'tokens_per_second_p50',
  'tokens_per_second_mean',
  'output_text',
] as const

export function generationCsv(g: GenerationResult): string {
  const stat = (d: Distribution | null, k: 'p50' | 'mean') => (d ? d[k] : null)
  const records = g.prompts.map((p, i) => [
    i,
    p.prompt,
    p.inputTokens,
    p.outputTokens,
    p.ttft.n,
    p.ttft.p50,
    p.ttft.mean,
    stat(p.tpot, 'p50'),
    stat(p.tpot, 'mean'),
    p.e2e.p50,
    p.e2e.mean,
    p.tokensPerSecond.p50,
    p.tokensPerSecond.mean,
    p.text,
  ])
  return csvDocument(GENERATION_CSV_COLUMNS, records)
}

/**
 * The dictionary's messages about setting up a model: its dimensions (`dims`),
 * `perfgate inspect` and `perfgate init`. Part of the one dictionary in
 * errors.ts, which spreads them in; kept apart only to keep files short.
 */
import { formatValue, jsKey } from './message-values.js'

/** One dimension without a value, as the missing-dims message lists it. */
export interface MissingDimLine {
  /** The `dims` key that sets it: its name, or `input:axis` for an unnamed one. */
  readonly key: string
  readonly input: string
  readonly axis: number
  /** The input's whole shape as the model declares it, e.g. `float32[batch, 3, ?, ?]`. */
  readonly shape: string
  /** What the value should be, in words (e.g. "pick your production size"). */
  readonly advice: string
}

export const SETUP_MESSAGES = {
  DIM_UNRESOLVED: (p: { model: string; missing: readonly MissingDimLine[]; literal: string; flag: string; placeholders: readonly string[] }) =>
    `${p.model} has ${p.missing.length === 1 ? 'a dimension' : `${p.missing.length} dimensions`} without a value in \`dims\` (all are listed):\n` +
    p.missing.map((m) => `  - ${jsKey(m.key)}: axis ${m.axis} of input '${m.input}' ${m.shape}: ${m.advice}\n`).join('') +
    `Give ${p.missing.length === 1 ? 'it' : 'them'} with the \`dims\` option, e.g. dims: ${p.literal} (CLI: --dims ${p.flag})` +
    (p.placeholders.length > 0
      ? `, after replacing the placeholder value${p.placeholders.length === 1 ? '' : 's'} of ${p.placeholders.map((k) => jsKey(k)).join(', ')} with your production size${p.placeholders.length === 1 ? '' : 's'}.`
      : '.') +
    ' `npx perfgate inspect <model.onnx>` prints every input and dimension.',
  DIM_UNKNOWN: (p: { model: string; names: readonly string[]; known: readonly string[]; suggestion?: string }) =>
    `Unknown dimension${p.names.length === 1 ? '' : 's'} ${p.names.map((n) => `'${n}'`).join(', ')} in \`dims\` for ${p.model}: ` +
    `no input of the model has ${p.names.length === 1 ? 'it' : 'them'}, so ${p.names.length === 1 ? 'it' : 'they'} would change nothing. ` +
    (p.suggestion ? `Did you mean '${p.suggestion}'? ` : '') +
    `The model's free dimensions: ${p.known.join(', ') || 'none (every input has a fixed shape)'}. Remove the name or use one of these (CLI: --dims name=value; an unnamed dimension is set as 'input:axis').`,
  DIM_AXIS_INVALID: (p: { model: string; key: string; input: string; axis: number; problem: string; fix: string }) =>
    `dims[${formatValue(p.key)}] sets axis ${p.axis} of input '${p.input}' of ${p.model}, but ${p.problem}. ${p.fix}`,
  DIM_INVALID: (p: { dim: string; value: unknown }) =>
    `Invalid dimension dims.${p.dim}: got ${formatValue(p.value)}. A dimension is a whole number >= 1 (a KV-cache length such as past_sequence_length may be 0), e.g. dims: { ${jsKey(p.dim)}: 1 } (CLI: --dims ${p.dim}=1).`,
  INIT_NO_PACKAGE_JSON: (p: { cwd: string }) =>
    `No package.json in ${p.cwd}: perfgate init sets up an existing npm project. Run it in your project's root folder, or create the project first with \`npm init -y\`.`,
  INIT_PACKAGE_JSON_INVALID: (p: { file: string; detail: string }) => `Cannot read ${p.file}: ${p.detail}. Fix the file, then run perfgate init again.`,
  INIT_WRITE_FAILED: (p: { file: string; detail: string }) =>
    `Could not write ${p.file}: ${p.detail}. Check that the folder is writable; the files written before it stay, and a second run of perfgate init writes only what is missing.`,
} as const

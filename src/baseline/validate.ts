/**
 * Validates parsed baseline files against schema/baseline.schema.json and turns
 * the first problem into a message that names the file and the field.
 */
import { readFileSync } from 'node:fs'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { errorMessage } from '../errors.js'
import type { BaselineFile } from '../types/index.js'

/** The schema file, shipped with the package (two levels above this module in src/ and dist/). */
export const BASELINE_SCHEMA_URL = new URL('../../schema/baseline.schema.json', import.meta.url)

let validator: ValidateFunction<BaselineFile> | undefined

function getValidator(): ValidateFunction<BaselineFile> {
  if (!validator) {
    const schema = JSON.parse(readFileSync(BASELINE_SCHEMA_URL, 'utf8')) as object
    validator = new Ajv({ allErrors: false, strict: true }).compile<BaselineFile>(schema)
  }
  return validator
}

/** Returns null when `data` is a valid baseline file, else the user-facing message. */
export function baselineProblem(data: unknown, file: string): string | null {
  const validate = getValidator()
  if (validate(data)) return null
  const err = validate.errors?.[0]
  if (!err) return errorMessage('BASELINE_INVALID_FIELD', { file, field: '(root)', detail: 'is invalid' })
  return errorMessage('BASELINE_INVALID_FIELD', { file, ...describeSchemaError(err) })
}

/** The field an Ajv error is about, as a path (`entries["t 1"].kind`), and what is wrong with it. */
export function describeSchemaError(err: ErrorObject): { field: string; detail: string } {
  let field = err.instancePath ? jsonPointerToPath(err.instancePath) : '(root)'
  let detail = err.message ?? 'is invalid'
  if (err.keyword === 'additionalProperties') {
    const extra = (err.params as { additionalProperty: string }).additionalProperty
    field = err.instancePath ? `${field}.${extra}` : extra
    detail = 'is not allowed here'
  } else if (err.keyword === 'required') {
    const missing = (err.params as { missingProperty: string }).missingProperty
    field = err.instancePath ? `${field}.${missing}` : missing
    detail = 'is missing'
  } else if (err.keyword === 'const' || err.keyword === 'enum') {
    const allowed = err.params as { allowedValue?: unknown; allowedValues?: unknown[] }
    detail = `must be ${JSON.stringify(allowed.allowedValue ?? allowed.allowedValues)}`
  }
  return { field, detail }
}

/** `/entries/my test 1/metrics/latency.p95` -> `entries["my test 1"].metrics["latency.p95"]` */
function jsonPointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((seg, i) => (/^[A-Za-z_$][\w$]*$/.test(seg) ? (i === 0 ? seg : `.${seg}`) : /^\d+$/.test(seg) ? `[${seg}]` : `[${JSON.stringify(seg)}]`))
    .join('')
}

/** An entry that failed validation: the user-facing message and the entry as stored, kept untouched on rewrite. */
export interface InvalidEntry {
  message: string
  raw: unknown
}

export type EntriesCheck = { ok: true; file: BaselineFile; invalidEntries: Record<string, InvalidEntry> } | { ok: false; message: string }

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

/**
 * Validates the top level of a parsed file as a whole and each entry on its
 * own, so that one bad entry does not poison the file: the valid entries are
 * returned (in a prototype-free map), the others with their message.
 */
export function checkBaselineEntries(data: unknown, file: string): EntriesCheck {
  if (!isPlainObject(data) || !isPlainObject(data.entries)) {
    return { ok: false, message: baselineProblem(data, file) ?? errorMessage('BASELINE_INVALID_FIELD', { file, field: 'entries', detail: 'must be object' }) }
  }
  const validate = getValidator()
  const top = baselineProblem({ ...data, entries: {} }, file)
  if (top) return { ok: false, message: top }
  const entries: BaselineFile['entries'] = Object.create(null) as BaselineFile['entries']
  const invalidEntries: Record<string, InvalidEntry> = Object.create(null) as Record<string, InvalidEntry>
  for (const key of Object.keys(data.entries)) {
    const raw = data.entries[key]
    // a computed key defines an own property, even for '__proto__'
    if (validate({ perfgate: 1, entries: { [key]: raw } })) {
      entries[key] = raw as BaselineFile['entries'][string]
      continue
    }
    const err = validate.errors?.[0]
    const where = err ? describeSchemaError(err) : { field: `entries[${JSON.stringify(key)}]`, detail: 'is invalid' }
    invalidEntries[key] = { raw, message: errorMessage('BASELINE_INVALID_ENTRY', { file, key, ...where }) }
  }
  return { ok: true, file: { perfgate: 1, entries }, invalidEntries }
}

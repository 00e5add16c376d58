/**
 * Validates the JSON files perfgate writes besides baselines (results files,
 * profile results, history lines) against their schemas in schema/, and turns
 * the first problem into the field it is about.
 */
import { readFileSync } from 'node:fs'
import { Ajv, type ValidateFunction } from 'ajv'
import { BASELINE_SCHEMA_URL, describeSchemaError } from '../baseline/validate.js'
import { perfgateError } from '../errors.js'

const SCHEMA_DIR = new URL('./', BASELINE_SCHEMA_URL)

export type SchemaName = 'results' | 'profile-result' | 'history-record'

let ajv: Ajv | undefined

function compiled<T>(name: SchemaName): ValidateFunction<T> {
  if (!ajv) {
    const load = (file: string) => JSON.parse(readFileSync(new URL(file, SCHEMA_DIR), 'utf8')) as object
    // tsType is read by json-schema-to-typescript only
    ajv = new Ajv({ allErrors: false, strict: true }).addKeyword('tsType')
    ajv.addSchema(load('baseline.schema.json'))
    ajv.addSchema(load('results.schema.json'))
    ajv.addSchema(load('profile-result.schema.json'))
  }
  const ref =
    name === 'results'
      ? 'https://perfgate.dev/schema/results.schema.json'
      : name === 'profile-result'
        ? 'https://perfgate.dev/schema/profile-result.schema.json'
        : 'https://perfgate.dev/schema/results.schema.json#/definitions/HistoryRecord'
  const fn = ajv.getSchema<T>(ref)
  if (!fn) throw perfgateError('SCHEMA_MISSING', { ref })
  return fn
}

/** null when `data` is valid, else the field and what is wrong with it. */
export function schemaProblem(name: SchemaName, data: unknown): { field: string; detail: string } | null {
  const validate = compiled(name)
  if (validate(data)) return null
  const err = validate.errors?.[0]
  return err ? describeSchemaError(err) : { field: '(root)', detail: 'is invalid' }
}

/**
 * Generates the TypeScript types of the JSON files perfgate writes from their schemas:
 * src/types/baseline.generated.ts from schema/baseline.schema.json and
 * src/types/results.generated.ts and src/types/result-parts.generated.ts from schema/results.schema.json.
 * `npm run gen:types` writes them; test/unit/generated-types.test.ts fails when one is stale.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { compile, type JSONSchema } from 'json-schema-to-typescript'

const root = fileURLToPath(new URL('..', import.meta.url))
export const schemaPath = `${root}schema/baseline.schema.json`
export const generatedPath = `${root}src/types/baseline.generated.ts`
export const resultsSchemaPath = `${root}schema/results.schema.json`
export const resultsGeneratedPath = `${root}src/types/results.generated.ts`
export const resultPartsGeneratedPath = `${root}src/types/result-parts.generated.ts`

/**
 * Definitions of the results schema that the hand-written gate records (src/types/gate-records.ts) contain. They are
 * generated into their own file, which imports nothing, because the results file's types contain the gate records:
 * one generated file would make the types import each other.
 */
const RESULT_PARTS = ['ChangeInterval', 'CalibrationApplied', 'ResultExtras', 'GenerationReport', 'PromptChartPoint', 'SweepReport']

type SchemaNode = { [key: string]: unknown }

/** `node` with every `$ref` to a result part replaced by the part's TypeScript name. */
function referToParts(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(referToParts)
  if (node === null || typeof node !== 'object') return node
  const ref = (node as SchemaNode).$ref
  const part = typeof ref === 'string' ? RESULT_PARTS.find((name) => ref === `#/definitions/${name}`) : undefined
  if (part) {
    const { $ref: _ref, ...rest } = node as SchemaNode
    return { ...rest, tsType: part }
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, referToParts(value)]))
}

export async function generateBaselineTypes(): Promise<string> {
  const schema = JSON.parse(await readFile(schemaPath, 'utf8'))
  return compile(schema, 'BaselineFile', {
    bannerComment: '/* Generated from schema/baseline.schema.json by `npm run gen:types`. Do not edit. */',
    additionalProperties: false,
    unreachableDefinitions: true,
    style: { singleQuote: true, semi: false },
  })
}

/** The results schema refers to baseline.schema.json (resolved from schema/, never over the network) and names shared types with `tsType`. */
export async function generateResultsTypes(): Promise<string> {
  const schema = JSON.parse(await readFile(resultsSchemaPath, 'utf8')) as SchemaNode & { definitions: SchemaNode }
  const definitions = Object.fromEntries(Object.entries(schema.definitions).filter(([name]) => !RESULT_PARTS.includes(name)))
  return compile(referToParts({ ...schema, definitions }) as SchemaNode, 'ResultsFile', {
    bannerComment: [
      '/* Generated from schema/results.schema.json by `npm run gen:types`. Do not edit. */',
      "import type { BaselineEntry } from './baseline.generated.js'",
      "import type { GateRecord, MetricComparison, TestbedDifference } from './gate-records.js'",
      `import type { ${RESULT_PARTS.join(', ')} } from './result-parts.generated.js'`,
    ].join('\n'),
    additionalProperties: false,
    unreachableDefinitions: true,
    cwd: `${root}schema/`,
    $refOptions: { resolve: { http: false } },
    style: { singleQuote: true, semi: false },
  })
}

/** The result parts alone: the definitions in RESULT_PARTS, which refer to nothing outside them. */
export async function generateResultPartTypes(): Promise<string> {
  const schema = JSON.parse(await readFile(resultsSchemaPath, 'utf8')) as JSONSchema & { definitions: Record<string, JSONSchema> }
  const definitions = Object.fromEntries(RESULT_PARTS.map((name) => [name, schema.definitions[name]!]))
  const parts: JSONSchema = {
    $schema: schema.$schema,
    description: 'Any of the result parts.',
    anyOf: RESULT_PARTS.map((name) => ({ $ref: `#/definitions/${name}` })),
    definitions,
  }
  const types = await compile(parts, 'ResultParts', {
    bannerComment: '/* Generated from the definitions of schema/results.schema.json that gate records use, by `npm run gen:types`. Do not edit. */',
    additionalProperties: false,
    unreachableDefinitions: true,
    style: { singleQuote: true, semi: false },
  })
  return types
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(generatedPath, await generateBaselineTypes())
  console.log(`wrote ${generatedPath}`)
  await writeFile(resultsGeneratedPath, await generateResultsTypes())
  console.log(`wrote ${resultsGeneratedPath}`)
  await writeFile(resultPartsGeneratedPath, await generateResultPartTypes())
  console.log(`wrote ${resultPartsGeneratedPath}`)
}

/**
 * Generates the TypeScript types of the JSON files perfgate writes from their schemas:
 * src/types/baseline.generated.ts from schema/baseline.schema.json and
 * src/types/results.generated.ts from schema/results.schema.json.
 * `npm run gen:types` writes them; test/unit/generated-types.test.ts fails when one is stale.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { compile } from 'json-schema-to-typescript'

const root = fileURLToPath(new URL('..', import.meta.url))
export const schemaPath = `${root}schema/baseline.schema.json`
export const generatedPath = `${root}src/types/baseline.generated.ts`
export const resultsSchemaPath = `${root}schema/results.schema.json`
export const resultsGeneratedPath = `${root}src/types/results.generated.ts`

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
  const schema = JSON.parse(await readFile(resultsSchemaPath, 'utf8'))
  return compile(schema, 'ResultsFile', {
    bannerComment: [
      '/* Generated from schema/results.schema.json by `npm run gen:types`. Do not edit. */',
      "import type { BaselineEntry, GateRecord, MetricComparison, TestbedDifference } from './index.js'",
    ].join('\n'),
    additionalProperties: false,
    unreachableDefinitions: true,
    cwd: `${root}schema/`,
    $refOptions: { resolve: { http: false } },
    style: { singleQuote: true, semi: false },
  })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(generatedPath, await generateBaselineTypes())
  console.log(`wrote ${generatedPath}`)
  await writeFile(resultsGeneratedPath, await generateResultsTypes())
  console.log(`wrote ${resultsGeneratedPath}`)
}

/**
 * Generates src/types/baseline.generated.ts from schema/baseline.schema.json.
 * `npm run gen:types` writes it; test/unit/generated-types.test.ts fails when it is stale.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { compile } from 'json-schema-to-typescript'

const root = fileURLToPath(new URL('..', import.meta.url))
export const schemaPath = `${root}schema/baseline.schema.json`
export const generatedPath = `${root}src/types/baseline.generated.ts`

export async function generateBaselineTypes(): Promise<string> {
  const schema = JSON.parse(await readFile(schemaPath, 'utf8'))
  return compile(schema, 'BaselineFile', {
    bannerComment: '/* Generated from schema/baseline.schema.json by `npm run gen:types`. Do not edit. */',
    additionalProperties: false,
    unreachableDefinitions: true,
    style: { singleQuote: true, semi: false },
  })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(generatedPath, await generateBaselineTypes())
  console.log(`wrote ${generatedPath}`)
}

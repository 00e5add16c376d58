import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  generateBaselineTypes,
  generateResultPartTypes,
  generateResultsTypes,
  generatedPath,
  resultPartsGeneratedPath,
  resultsGeneratedPath,
} from '../../scripts/generate-types.js'

describe('src/types/baseline.generated.ts', () => {
  it('is what schema/baseline.schema.json generates', async () => {
    const fresh = await generateBaselineTypes()
    const committed = readFileSync(generatedPath, 'utf8')
    expect(committed, 'src/types/baseline.generated.ts is stale: run `npm run gen:types` and commit the result').toBe(fresh)
  })
})

describe('src/types/results.generated.ts', () => {
  it('is what schema/results.schema.json generates', async () => {
    const fresh = await generateResultsTypes()
    const committed = readFileSync(resultsGeneratedPath, 'utf8')
    expect(committed, 'src/types/results.generated.ts is stale: run `npm run gen:types` and commit the result').toBe(fresh)
  })
})

describe('src/types/result-parts.generated.ts', () => {
  it("is what the gate records' definitions in schema/results.schema.json generate", async () => {
    const fresh = await generateResultPartTypes()
    const committed = readFileSync(resultPartsGeneratedPath, 'utf8')
    expect(committed, 'src/types/result-parts.generated.ts is stale: run `npm run gen:types` and commit the result').toBe(fresh)
  })
})

describe('the generated types', () => {
  it('declare no numbered duplicate (a definition inlined twice, e.g. CalibrationApplied1)', async () => {
    const declared = [await generateBaselineTypes(), await generateResultsTypes(), await generateResultPartTypes()].flatMap((text) =>
      [...text.matchAll(/export (?:interface|type) (\w+)/g)].map((m) => m[1]),
    )
    expect(declared.filter((name) => /\D\d+$/.test(name ?? ''))).toStrictEqual([])
  })
})

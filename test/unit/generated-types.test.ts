import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generateBaselineTypes, generatedPath } from '../../scripts/generate-types.js'

describe('src/types/baseline.generated.ts', () => {
  it('is what schema/baseline.schema.json generates', async () => {
    const fresh = await generateBaselineTypes()
    const committed = readFileSync(generatedPath, 'utf8')
    expect(committed, 'src/types/baseline.generated.ts is stale: run `npm run gen:types` and commit the result').toBe(fresh)
  })
})

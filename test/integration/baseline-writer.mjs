/**
 * Child process of baseline-update-processes.test.ts: records `count` entries
 * named `<id> <i>` into one baseline file, one update at a time, as separate
 * runs would. perfgate's source is loaded through tsx (the code under test,
 * not a possibly stale dist/).
 */
import { tsImport } from 'tsx/esm/api'

const [root, file, id, count] = process.argv.slice(2)
const { updateBaselineFile } = await tsImport('../../src/baseline/store.ts', import.meta.url)
const { entryMap } = await tsImport('../../src/baseline/merge.ts', import.meta.url)
const { valueEntry } = await tsImport('../unit/entry-factory.ts', import.meta.url)

for (let i = 0; i < Number(count); i++) {
  const key = `${id} ${i}`
  updateBaselineFile(file, 'x.json', root, () => ({ write: Object.assign(entryMap(), { [key]: valueEntry(i, 'lower', { test: id }) }), remove: [] }))
}

/**
 * Bad input for the baseline store: paths it cannot or must not write, and a
 * lock another run holds. Rows run against the built package (dist/).
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe } from 'vitest'
import { lockPathFor, withFileLock } from '../../dist/baseline/file-lock.js'
import { updateBaselineFile } from '../../dist/baseline/store.js'
import { valueEntry } from '../unit/entry-factory.js'
import { apiRows } from './catalogue.js'

const made: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'perfgate-bad-store-'))
  made.push(dir)
  return dir
}
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true })
})

const entry = valueEntry(1, 'lower', { test: 'x' })
const recordX = () => ({ write: { 'x 1': entry }, remove: [] })

describe('baseline store', () => {
  apiRows([
    {
      name: 'the baselines path is a regular file',
      run: () => {
        const root = tempDir()
        writeFileSync(join(root, 'baselines'), 'not a folder')
        return updateBaselineFile(join(root, 'baselines/tb/x.test.ts.json'), 'baselines/tb/x.test.ts.json', root, recordX)
      },
      code: 'BASELINE_WRITE_FAILED',
      words: ['Could not write baseline file baselines/tb/x.test.ts.json', 'ENOTDIR', 'a regular file', '`baselineDir`'],
    },
    {
      name: 'baselineDir points outside the project',
      run: () => {
        const root = tempDir()
        return updateBaselineFile(join(root, '../elsewhere/x.json'), '../elsewhere/x.json', root, recordX)
      },
      code: 'BASELINE_OUTSIDE_ROOT',
      words: ['Refusing to write baseline', 'outside the project root', 'Set `baselineDir` to a folder inside the project'],
    },
    {
      name: 'a symlinked baselines folder leads out of the project',
      run: () => {
        const root = tempDir()
        symlinkSync(tempDir(), join(root, 'baselines'))
        return updateBaselineFile(join(root, 'baselines/x.json'), 'baselines/x.json', root, recordX)
      },
      code: 'BASELINE_OUTSIDE_ROOT',
      words: ['baselines/x.json (really ', 'outside the project root', '`baselineDir`'],
    },
    {
      name: 'another live process holds the baseline lock past the wait',
      run: () => {
        const file = join(tempDir(), 'x.json')
        writeFileSync(lockPathFor(file), `${process.pid}:other`)
        return withFileLock(file, () => 0, 50)
      },
      code: 'BASELINE_LOCK_TIMEOUT',
      words: ['x.json.lock', `process ${process.pid}`, 'within 50 ms', 'delete'],
    },
  ])
})

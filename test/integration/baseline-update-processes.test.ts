/**
 * Several processes updating one baseline file at once (two `perfgate update`
 * runs, two Vitest projects) never lose each other's entries: each update
 * runs under the file's lock against the newest file.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, expect, it } from 'vitest'

const WRITER = fileURLToPath(new URL('./baseline-writer.mjs', import.meta.url))
const root = mkdtempSync(join(tmpdir(), 'perfgate-writers-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function writer(file: string, id: string, count: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, root, file, id, String(count)], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stderr }))
  })
}

it('keeps every entry that three processes write into one file at the same time', async () => {
  const file = join(root, 'baselines', 'x.json')
  const ids = ['p', 'q', 'r']
  const runs = await Promise.all(ids.map((id) => writer(file, id, 20)))
  for (const r of runs) expect(r, r.stderr).toMatchObject({ code: 0 })
  const keys = Object.keys(JSON.parse(readFileSync(file, 'utf8')).entries as object)
  expect(keys.sort()).toEqual(ids.flatMap((id) => Array.from({ length: 20 }, (_, i) => `${id} ${i}`)).sort())
  expect(existsSync(`${file}.lock`)).toBe(false)
  expect(readdirSync(join(root, 'baselines'))).toEqual(['x.json'])
}, 120_000)

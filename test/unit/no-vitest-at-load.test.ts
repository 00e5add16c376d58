/**
 * vitest is an optional peer: the main entry, the report entry and the CLI load in a process where `vitest` cannot
 * be resolved. A module hook makes every `vitest` specifier fail; the worker setup file, which imports vitest, is the control.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

const HOOK = 'export async function resolve(s, c, next) { if (s === "vitest" || s.startsWith("vitest/")) throw new Error("NO_VITEST " + s); return next(s, c) }'

/** Imports `file` in a child Node process that cannot resolve vitest; '' when it loads, else the error message. */
function importWithoutVitest(file: string): string {
  const script = `import { register } from 'node:module'
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOK)}))
try { await import(${JSON.stringify(`${ROOT}${file}`)}); console.log('LOADED') } catch (e) { console.log('FAILED ' + e.message) }`
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim()
}

describe('loading without vitest', () => {
  it.each(['dist/index.js', 'dist/report/index.js', 'dist/cli/main.js'])('%s does not import vitest', (file) => {
    expect(existsSync(`${ROOT}${file}`), `${file} is missing: run \`npm run build\``).toBe(true)
    expect(importWithoutVitest(file)).toBe('LOADED')
  })

  it('the worker setup file, which imports vitest, fails under the same hook (the hook works)', () => {
    expect(importWithoutVitest('dist/vitest/setup.js')).toMatch(/^FAILED .*NO_VITEST vitest/)
  })
})

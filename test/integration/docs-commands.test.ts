/**
 * The documentation's shell blocks and outputs (CONTRIBUTING.md, "Documentation"): every ```sh block not marked
 * "not run" is run with bash in the repository root, and every output marked "output of <command>" is produced
 * again by that command and compared (help texts exactly, measurements by their words). `npx` is served from
 * node_modules/.bin and this package's bin/ without npm's start-up (seconds on a busy machine).
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { blocksOf, docPages, missingLines, REPO, type Block } from '../docs/markdown.js'

const shims = mkdtempSync(join(tmpdir(), 'perfgate-docs-bin-'))
writeFileSync(join(shims, 'npx'), '#!/bin/sh\nexec "$@"\n')
chmodSync(join(shims, 'npx'), 0o755)
symlinkSync(join(REPO, 'bin/perfgate.js'), join(shims, 'perfgate'))
afterAll(() => rmSync(shims, { recursive: true, force: true }))

function bash(script: string): { code: number; output: string; stdout: string } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${shims}:${join(REPO, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  }
  for (const k of Object.keys(env)) if (k.startsWith('VITEST') || k === 'CI' || k.startsWith('GITHUB_')) delete env[k]
  const run = spawnSync('bash', ['-eo', 'pipefail', '-c', script], { cwd: REPO, env, encoding: 'utf8', timeout: 300_000 })
  return { code: run.status ?? 1, stdout: run.stdout, output: `${run.stdout}${run.stderr}` }
}

const blocks = docPages().flatMap((p) => blocksOf(p))
const where = (b: Block): string => `${b.page}:${b.line}`
const shell = blocks.filter((b) => b.lang === 'sh' && b.marker.kind === 'none')
const outputs = blocks.filter((b) => b.marker.kind === 'output of')

describe('the documentation shell blocks', () => {
  it('has some to run', () => {
    expect(shell.length).toBeGreaterThan(0)
    expect(outputs.length).toBeGreaterThan(0)
  })

  it.each(shell.map((b) => [where(b), b] as const))('%s runs', (_at, b) => {
    const run = bash(b.body)
    expect(run.code, run.output).toBe(0)
  })

  it.each(outputs.map((b) => [where(b), b] as const))('%s shows what its command prints now', (at, b) => {
    const command = b.marker.kind === 'output of' ? b.marker.command : ''
    const run = bash(command)
    expect(run.code, run.output).toBe(0)
    if (/(^|\s)(--help|help)$/.test(command)) {
      expect(b.body.trimEnd(), `${at}: the output of ${command} changed; paste it in`).toBe(run.stdout.trimEnd())
    } else {
      expect(missingLines(b.body, run.stdout), `${at}: lines not in the output of ${command}:\n${run.stdout}`).toEqual([])
    }
  })
})

/**
 * The documentation's own rules (CONTRIBUTING.md, "Documentation"): every fenced block says how it is checked,
 * relative links resolve, and the option tables of docs/configuration.md are the option specs'.
 * The blocks themselves are checked by test/integration/docs-commands.test.ts (shell blocks and outputs) and
 * test/e2e/docs-typecheck.e2e.test.ts (TypeScript blocks).
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { describe, expect, it } from 'vitest'
import { COMMAND_TABLES } from '../../src/cli/command-flags.js'
import { configurationPath, regionsOf, SPECS, withOptionTables } from '../../scripts/docs-options.js'
import { anchorsOf, blocksOf, docPages, linksOf, missingLines, REPO, type Block } from '../docs/markdown.js'

/** What is wrong with how a block is marked, or undefined. */
function markingProblem(b: Block): string | undefined {
  const { marker, lang } = b
  if (marker.kind === 'unknown')
    return `unknown marker "doc-test: ${marker.text}" (known: not run: <reason>, output of <command>, illustrative, vitest 4 only, vitest 5 only)`
  if (lang === 'ts')
    return marker.kind === 'none' || marker.kind === 'vitest only' ? undefined : 'a ts block is type-checked: only "vitest 4 only" or "vitest 5 only" apply'
  if (marker.kind === 'vitest only') return '"vitest N only" is for ts blocks'
  if (lang === 'sh') return marker.kind === 'none' || marker.kind === 'not run' ? undefined : 'a sh block is run, or marked "not run: <reason>"'
  if (lang === 'text')
    return marker.kind === 'output of' || marker.kind === 'illustrative' ? undefined : 'a text block needs "output of <command>" or "illustrative"'
  if (lang === '') return 'a fence needs a language (ts, sh, text, ...)'
  return marker.kind === 'illustrative' ? undefined : `a ${lang} block is not checked: mark it "illustrative"`
}

describe('documentation', () => {
  const pages = docPages()

  it('has the manual and its table of contents', () => {
    expect(pages).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/README.md', 'docs/configuration.md', 'docs/troubleshooting.md']))
    const toc = readFileSync(join(REPO, 'docs/README.md'), 'utf8')
    const unlisted = pages.filter((p) => p.startsWith('docs/') && p !== 'docs/README.md' && !toc.includes(`](${p.slice(5)})`))
    expect(unlisted, 'pages missing from docs/README.md').toEqual([])
  })

  it('marks every fenced block with how it is checked', () => {
    const problems = pages.flatMap((p) => blocksOf(p).flatMap((b) => (markingProblem(b) ? [`${b.page}:${b.line}: ${markingProblem(b)}`] : [])))
    expect(problems).toEqual([])
  })

  it('finds the problems it reports', () => {
    const page = [
      '<!-- doc-test: outptu of x -->',
      '```text',
      'a',
      '```',
      '```text',
      'b',
      '```',
      '<!-- doc-test: not run: slow -->',
      '```ts',
      '```',
      '<!-- doc-test: vitest 5 only -->',
      '```ts',
      '```',
      '  ```sh',
      '  echo',
      '  ```',
    ].join('\n')
    const problems = blocksOf('x.md', page).map(markingProblem)
    expect(problems).toEqual([
      expect.stringContaining('unknown marker "doc-test: outptu of x"'),
      expect.stringContaining('a text block needs'),
      expect.stringContaining('a ts block is type-checked'),
      undefined,
      undefined,
    ])
    expect(blocksOf('x.md', page)[4]!.body).toBe('echo')
  })

  it('has relative links that resolve, anchors included', () => {
    const broken: string[] = []
    for (const link of pages.flatMap((p) => linksOf(p))) {
      if (/^[a-z]+:/i.test(link.target)) continue
      const [path = '', anchor] = link.target.split('#')
      const file = path === '' ? join(REPO, link.page) : normalize(join(REPO, dirname(link.page), path))
      if (!file.startsWith(REPO) || !existsSync(file)) broken.push(`${link.page}:${link.line}: ${link.target} (no such file)`)
      else if (anchor !== undefined && (!file.endsWith('.md') || !anchorsOf(readFileSync(file, 'utf8')).has(anchor)))
        broken.push(`${link.page}:${link.line}: ${link.target} (no heading #${anchor})`)
      else if (anchor === undefined && statSync(file).isDirectory() && !existsSync(join(file, 'README.md')))
        broken.push(`${link.page}:${link.line}: ${link.target} (a folder without README.md)`)
    }
    expect(broken).toEqual([])
  })

  it('computes GitHub anchors', () => {
    const anchors = anchorsOf('# `profile.generate(model, options)`: language models\n## Gate quality, measured\n## A\n## A\n```sh\n# not a heading\n```')
    expect([...anchors]).toEqual(['profilegeneratemodel-options-language-models', 'gate-quality-measured', 'a', 'a-1'])
  })

  it('lists every option of every option spec with its default (npm run docs:options rewrites the tables)', () => {
    const page = readFileSync(configurationPath, 'utf8')
    expect(regionsOf(page).sort()).toEqual(Object.keys(SPECS).sort())
    expect(page, 'docs/configuration.md differs from the option specs: run npm run docs:options').toBe(withOptionTables(page))
  })

  it("shows every CLI command's --help in docs/cli.md (test/integration/docs-commands.test.ts checks the text)", () => {
    const shown = blocksOf('docs/cli.md').flatMap((b) => (b.marker.kind === 'output of' ? [b.marker.command] : []))
    const missing = Object.keys(COMMAND_TABLES).filter((c) => !shown.includes(`npx perfgate ${c} --help`))
    expect(missing, 'add `<!-- doc-test: output of npx perfgate <command> --help -->` and its output to docs/cli.md').toEqual([])
  })

  it('compares outputs by their words, not their figures', () => {
    const produced = 'metric   value  unit\n------  -----  ----\nlatency p50   0.192  ms\nthroughput  4449  runs/s\n'
    expect(missingLines('metric value unit\nlatency p50  0.2 ms\n...\nthroughput 12 runs/s', produced)).toEqual([])
    expect(missingLines('throughput 12 runs/s\nlatency p50 1 ms', produced)).toEqual(['latency p50 # ms'])
    expect(missingLines('latency p95 0.192 ms', produced)).toEqual(['latency p95 # ms'])
    expect(missingLines('latency ...\nthroughput ...', produced)).toEqual([])
    expect(missingLines('throughput ...\nlatency ...', produced)).toEqual(['latency ...'])
  })
})

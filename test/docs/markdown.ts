/**
 * The documentation's fenced blocks and links, for the docs tests: README.md,
 * CONTRIBUTING.md and docs/*.md. The conventions they enforce are written in
 * CONTRIBUTING.md ("Documentation").
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO = fileURLToPath(new URL('../../', import.meta.url))

/** The checked pages, relative to the repository root. */
export function docPages(): string[] {
  const docs = readdirSync(join(REPO, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`)
  return ['README.md', 'CONTRIBUTING.md', ...docs]
}

export type Marker =
  | { kind: 'none' }
  | { kind: 'not run'; reason: string }
  | { kind: 'output of'; command: string }
  | { kind: 'illustrative' }
  /** A ts block that type-checks with one Vitest major only (Vitest 5's bench fixture, say). */
  | { kind: 'vitest only'; major: 4 | 5 }
  | { kind: 'unknown'; text: string }

export interface Block {
  page: string
  /** 1-based line of the opening fence. */
  line: number
  lang: string
  body: string
  /** The `<!-- doc-test: ... -->` comment on the line right before the fence. */
  marker: Marker
  /** `// name.ts` on the block's first line: the file a ts block stands for. */
  fileName?: string
}

const MARKER = /^<!--\s*doc-test:\s*(.*?)\s*-->$/

function parseMarker(line: string | undefined): Marker {
  const m = line === undefined ? null : MARKER.exec(line.trim())
  if (!m) return { kind: 'none' }
  const text = m[1]!
  if (text === 'illustrative') return { kind: 'illustrative' }
  const only = /^vitest ([45]) only$/.exec(text)
  if (only) return { kind: 'vitest only', major: only[1] === '4' ? 4 : 5 }
  const notRun = /^not run:\s*(.+)$/.exec(text)
  if (notRun) return { kind: 'not run', reason: notRun[1]! }
  const output = /^output of\s+(.+)$/.exec(text)
  if (output) return { kind: 'output of', command: output[1]! }
  return { kind: 'unknown', text }
}

/** Every fenced block of a page (fences may be indented, as in list items). */
export function blocksOf(page: string, text = readFileSync(join(REPO, page), 'utf8')): Block[] {
  const lines = text.split('\n')
  const blocks: Block[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\S*)\s*$/.exec(lines[i]!)
    if (!open) continue
    const indent = open[1]!.length
    const end = lines.findIndex((l, j) => j > i && l.trim() === '```')
    if (end < 0) throw new Error(`${page}:${i + 1}: a fence that is never closed`)
    const body = lines
      .slice(i + 1, end)
      .map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))
      .join('\n')
    const fileName = /^\/\/ ([\w./-]+\.ts)\s*$/.exec(body.split('\n')[0] ?? '')?.[1]
    blocks.push({ page, line: i + 1, lang: open[2]!, body, marker: parseMarker(lines[i - 1]), ...(fileName ? { fileName } : {}) })
    i = end
  }
  return blocks
}

export interface Link {
  page: string
  line: number
  target: string
}

/** Markdown links `[text](target)` outside fenced blocks. */
export function linksOf(page: string, text = readFileSync(join(REPO, page), 'utf8')): Link[] {
  const links: Link[] = []
  let inFence = false
  text.split('\n').forEach((line, i) => {
    if (/^\s*```/.test(line)) inFence = !inFence
    if (inFence) return
    for (const m of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) links.push({ page, line: i + 1, target: m[1]! })
  })
  return links
}

/** GitHub's anchors of a page's headings (lower case, punctuation dropped, spaces to dashes, repeats numbered). */
export function anchorsOf(text: string): Set<string> {
  const seen = new Map<string, number>()
  const anchors = new Set<string>()
  let inFence = false
  for (const line of text.split('\n')) {
    if (/^\s*```/.test(line)) inFence = !inFence
    const h = inFence ? null : /^#{1,6}\s+(.*)$/.exec(line)
    if (!h) continue
    const base = h[1]!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-')
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    anchors.add(n === 0 ? base : `${base}-${n}`)
  }
  return anchors
}

/** Numbers (not the digits of a name such as p95), and the spaces that align columns, do not count when an output shown is compared with one produced. */
export function normaliseOutput(text: string): string[] {
  return text
    .split('\n')
    .map((l) =>
      l
        .replace(/(?<![\p{L}\p{N}_.])[-+]?\d+(?:[.,]\d+)*(?:e[+-]?\d+)?/gu, '#')
        .replace(/[ \t]+/g, ' ')
        .trim(),
    )
    .filter((l) => l !== '' && !/^[- #]+$/.test(l))
}

/**
 * The lines of a shown output that do not occur, in order, in the produced one. A line `...` skips, a line ending
 * in `...` stands for any line that starts like it (a testbed, a list cut short), `$ command` lines are not output.
 */
export function missingLines(shown: string, produced: string): string[] {
  const have = normaliseOutput(produced)
  const missing: string[] = []
  let at = 0
  for (const line of normaliseOutput(shown)) {
    if (line === '...' || line.startsWith('$ ')) continue
    const prefix = line.endsWith('...') ? line.slice(0, -3).trimEnd() : undefined
    const found = have.findIndex((l, i) => i >= at && (prefix === undefined ? l === line : l.startsWith(prefix)))
    if (found < 0) missing.push(line)
    else at = found + 1
  }
  return missing
}

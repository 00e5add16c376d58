/**
 * Size limits of the code in src/ (issue 12): no file over 300 lines and no function whose body spans
 * more than 60 lines, so that each file keeps one job and each function reads in one screen. Files are
 * parsed with the TypeScript compiler API; generated files (*.generated.ts) are exempt.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const MAX_FILE_LINES = 300
const MAX_FUNCTION_LINES = 60

/**
 * Offenders kept on purpose, each with its reason. Key: "file" for a file, "file#name" for a function.
 * None today: a new one needs a reason here, in review.
 */
const ALLOWED: Readonly<Record<string, string>> = {}

/** Every .ts file under a folder, generated files left out, as paths relative to ROOT. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.generated.ts') ? [relative(ROOT, path)] : []
  })
}

/** The name a function is known by: its own, or that of the variable, property or method it is assigned to. */
function functionName(node: ts.FunctionLikeDeclaration): string | undefined {
  if (node.name) return node.name.getText()
  const parent = node.parent
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === node) {
    return parent.name.getText()
  }
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === node) {
    return parent.left.getText()
  }
  return undefined
}

function isFunction(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessor(node) ||
    ts.isSetAccessor(node)
  )
}

/** One finding: where, what, and how many lines. */
export interface SizeFinding {
  key: string
  where: string
  lines: number
}

/** The files over MAX_FILE_LINES and the named functions whose body spans more than MAX_FUNCTION_LINES, in one source text. */
export function sizeFindings(file: string, text: string): SizeFinding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const findings: SizeFinding[] = []
  const lineOf = (pos: number): number => source.getLineAndCharacterOfPosition(pos).line + 1
  const fileLines = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length
  if (fileLines > MAX_FILE_LINES) findings.push({ key: file, where: `${file}:1 file`, lines: fileLines })
  const visit = (node: ts.Node): void => {
    if (isFunction(node) && node.body) {
      const name = functionName(node)
      const start = lineOf(node.body.getStart(source))
      const lines = lineOf(node.body.getEnd()) - start + 1
      if (name !== undefined && lines > MAX_FUNCTION_LINES) {
        findings.push({ key: `${file}#${name}`, where: `${file}:${lineOf(node.getStart(source))} ${name}()`, lines })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return findings
}

describe('code size', () => {
  it('finds a long file and a long named function in a source text', () => {
    const body = Array.from({ length: 61 }, (_, i) => `  const v${i} = ${i}`).join('\n')
    const long = `export function long(): void {\n${body}\n}\nconst arrow = () => {\n${body}\n}\n`
    const findings = sizeFindings('x.ts', `${long}${'\n'.repeat(300)}`)
    expect(findings.map((f) => f.where)).toEqual(['x.ts:1 file', 'x.ts:1 long()', 'x.ts:64 arrow()'])
    expect(sizeFindings('y.ts', 'function short(): number {\n  return 1\n}\n')).toEqual([])
  })

  it(`src/ has no file over ${MAX_FILE_LINES} lines and no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const findings = sourceFiles(join(ROOT, 'src'))
      .flatMap((file) => sizeFindings(file, readFileSync(join(ROOT, file), 'utf8')))
      .filter((f) => !(f.key in ALLOWED))
    expect(findings.map((f) => `${f.where}: ${f.lines} lines`)).toEqual([])
  })

  it('allows only offenders that still exist', () => {
    const keys = new Set(
      sourceFiles(join(ROOT, 'src'))
        .flatMap((file) => sizeFindings(file, readFileSync(join(ROOT, file), 'utf8')))
        .map((f) => f.key),
    )
    expect(Object.keys(ALLOWED).filter((key) => !keys.has(key))).toEqual([])
  })
})

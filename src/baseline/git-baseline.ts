/**
 * Baselines as they are at a git commit, so that a pull request is judged
 * against its merge base's baseline and not against one it edited itself.
 */
import { execFileSync } from 'node:child_process'
import { relative, sep } from 'node:path'
import { perfgateError } from '../errors.js'
import { parseBaselineText, type BaselineRead } from './parse.js'

function git(root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/**
 * Resolves `baselineRef` to a commit: `'merge-base'` is the merge base of HEAD and
 * PERFGATE_BASE_REF, else origin/$GITHUB_BASE_REF, else origin/main; anything else is a git ref.
 */
export function resolveBaselineRef(root: string, ref: string, env: NodeJS.ProcessEnv): string {
  const target = ref === 'merge-base' ? (env.PERFGATE_BASE_REF || (env.GITHUB_BASE_REF ? `origin/${env.GITHUB_BASE_REF}` : 'origin/main')) : ref
  try {
    return ref === 'merge-base' ? git(root, ['merge-base', 'HEAD', target]).trim() : git(root, ['rev-parse', '--verify', `${target}^{commit}`]).trim()
  } catch (err) {
    const detail = ((err as { stderr?: string }).stderr ?? (err as Error).message).trim().split('\n')[0] ?? ''
    throw perfgateError('BASELINE_REF_UNRESOLVED', { ref, target, detail })
  }
}

function pathInRepo(root: string, file: string): string {
  const top = git(root, ['rev-parse', '--show-toplevel']).trim()
  return relative(top, file).split(sep).join('/')
}

/** The baseline file as it is at `commit`; `missing` when it did not exist there. */
export function readBaselineAtCommit(root: string, commit: string, file: string, shownAs: string): BaselineRead {
  let text: string
  try {
    text = git(root, ['show', `${commit}:${pathInRepo(root, file)}`])
  } catch {
    return { state: 'missing' }
  }
  return parseBaselineText(text, `${shownAs} at ${commit.slice(0, 12)}`)
}

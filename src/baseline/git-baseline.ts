/**
 * Baselines as they are at a git commit, so that a pull request is judged
 * against its merge base's baseline and not against one it edited itself.
 */
import { relative, sep } from 'node:path'
import { perfgateError } from '../errors.js'
import { mergeBaseWithHead, resolveBaseRef } from './base-commit.js'
import { GitError, runGit, tryGit } from './git-runner.js'
import { parseBaselineText, type BaselineRead } from './parse.js'

/**
 * Resolves `baselineRef` to a commit: `'merge-base'` is the merge base of HEAD and the base ref
 * (PERFGATE_BASE_REF, else GITHUB_BASE_REF, else main; a branch name is tried as origin/<name> too);
 * anything else is a git ref.
 */
export function resolveBaselineRef(root: string, ref: string, env: NodeJS.ProcessEnv): string {
  if (ref === 'merge-base') {
    const target = resolveBaseRef(undefined, env) ?? 'main'
    const base = mergeBaseWithHead(root, target)
    if (base.ok) return base.commit
    throw perfgateError('BASELINE_REF_UNRESOLVED', { ref, target, detail: base.error.detail }, base.error)
  }
  try {
    return runGit(root, ['rev-parse', '--verify', `${ref}^{commit}`]).trim()
  } catch (err) {
    if (!(err instanceof GitError)) throw err
    throw perfgateError('BASELINE_REF_UNRESOLVED', { ref, target: ref, detail: err.detail }, err)
  }
}

/** The baseline file as it is at `commit`; `missing` when it did not exist there (or git cannot show it). */
export function readBaselineAtCommit(root: string, commit: string, file: string, shownAs: string): BaselineRead {
  const top = tryGit(root, ['rev-parse', '--show-toplevel'])
  const text = top === null ? null : tryGit(root, ['show', `${commit}:${relative(top, file).split(sep).join('/')}`])
  if (text === null) return { state: 'missing' }
  return parseBaselineText(text, `${shownAs} at ${commit.slice(0, 12)}`)
}

/**
 * What git knows about the run: the commit measured, and which baseline files
 * the change under test edits compared with the merge base of its base ref
 * ("this PR edits the baseline it is judged against"). Every call tolerates a
 * missing git or repository and says why it could not answer.
 */
import { mergeBaseWithHead } from '../baseline/base-commit.js'
import { tryGit } from '../baseline/git-runner.js'

export { resolveBaseRef } from '../baseline/base-commit.js'

/** The commit measured: GITHUB_SHA, else `git rev-parse HEAD`, else null. */
export function currentCommit(cwd: string, env: NodeJS.ProcessEnv): string | null {
  if (env.GITHUB_SHA) return env.GITHUB_SHA
  return tryGit(cwd, ['rev-parse', 'HEAD'])
}

export type ChangedFiles = { ok: true; files: string[]; mergeBase: string } | { ok: false; reason: string }

/**
 * Files under `dir` (relative to `cwd`) that differ between the merge base of
 * `baseRef` and HEAD and the working tree, committed or not, plus untracked
 * ones; paths relative to `cwd`, POSIX separators, sorted.
 */
export function changedFilesSinceBase(cwd: string, baseRef: string, dir: string): ChangedFiles {
  if (tryGit(cwd, ['rev-parse', '--is-inside-work-tree']) !== 'true') return { ok: false, reason: `${cwd} is not inside a git work tree` }
  const base = mergeBaseWithHead(cwd, baseRef)
  if (!base.ok) {
    return {
      ok: false,
      reason: `no merge base of '${baseRef}' and HEAD (is the ref fetched? with actions/checkout use fetch-depth: 0)`,
    }
  }
  const mergeBase = base.commit
  const diff = tryGit(cwd, ['diff', '--name-only', '--relative', '--no-renames', mergeBase, '--', dir])
  const untracked = tryGit(cwd, ['ls-files', '--others', '--exclude-standard', '--', dir])
  if (diff === null || untracked === null) return { ok: false, reason: `git diff against ${mergeBase.slice(0, 12)} failed` }
  const files = [...new Set([...diff.split('\n'), ...untracked.split('\n')].filter((f) => f !== ''))].sort()
  return { ok: true, files, mergeBase }
}

/** Files under `dir` that HEAD changed compared with its first parent (none for a root commit or outside git). */
export function changedFilesInHead(cwd: string, dir: string): string[] {
  const out = tryGit(cwd, ['diff', '--name-only', '--relative', '--no-renames', 'HEAD^1', 'HEAD', '--', dir])
  return out ? out.split('\n').filter((f) => f !== '') : []
}

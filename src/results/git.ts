/**
 * What git knows about the run: the commit measured, and which baseline files
 * the change under test edits compared with the merge base of its base ref
 * ("this PR edits the baseline it is judged against"). Every call tolerates a
 * missing git or repository and says why it could not answer.
 */
import { execFileSync } from 'node:child_process'

/** stdout of `git args` run in `cwd`, trimmed; null when git fails or is missing. */
function git(cwd: string, args: readonly string[]): string | null {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim()
  } catch {
    return null
  }
}

/** The commit measured: GITHUB_SHA, else `git rev-parse HEAD`, else null. */
export function currentCommit(cwd: string, env: NodeJS.ProcessEnv): string | null {
  if (env.GITHUB_SHA) return env.GITHUB_SHA
  return git(cwd, ['rev-parse', 'HEAD'])
}

/** The base a change is judged against: the explicit option, else PERFGATE_BASE_REF, else GITHUB_BASE_REF (set on pull requests). */
export function resolveBaseRef(explicit: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  return explicit || env.PERFGATE_BASE_REF || env.GITHUB_BASE_REF || undefined
}

export type ChangedFiles = { ok: true; files: string[]; mergeBase: string } | { ok: false; reason: string }

/**
 * Files under `dir` (relative to `cwd`) that differ between the merge base of
 * `baseRef` and HEAD and the working tree, committed or not, plus untracked
 * ones; paths relative to `cwd`, POSIX separators, sorted. A branch name that
 * only exists as a remote-tracking branch (GITHUB_BASE_REF=main in a pull
 * request checkout) is tried as `origin/<name>` too.
 */
export function changedFilesSinceBase(cwd: string, baseRef: string, dir: string): ChangedFiles {
  if (git(cwd, ['rev-parse', '--is-inside-work-tree']) !== 'true') return { ok: false, reason: `${cwd} is not inside a git work tree` }
  let mergeBase: string | null = null
  for (const ref of [baseRef, `origin/${baseRef}`]) {
    if (git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]) === null) continue
    mergeBase = git(cwd, ['merge-base', ref, 'HEAD'])
    if (mergeBase) break
  }
  if (!mergeBase) {
    return {
      ok: false,
      reason: `no merge base of '${baseRef}' and HEAD (is the ref fetched? with actions/checkout use fetch-depth: 0)`,
    }
  }
  const diff = git(cwd, ['diff', '--name-only', '--relative', '--no-renames', mergeBase, '--', dir])
  const untracked = git(cwd, ['ls-files', '--others', '--exclude-standard', '--', dir])
  if (diff === null || untracked === null) return { ok: false, reason: `git diff against ${mergeBase.slice(0, 12)} failed` }
  const files = [...new Set([...diff.split('\n'), ...untracked.split('\n')].filter((f) => f !== ''))].sort()
  return { ok: true, files, mergeBase }
}

/** Files under `dir` that HEAD changed compared with its first parent (none for a root commit or outside git). */
export function changedFilesInHead(cwd: string, dir: string): string[] {
  const out = git(cwd, ['diff', '--name-only', '--relative', '--no-renames', 'HEAD^1', 'HEAD', '--', dir])
  return out ? out.split('\n').filter((f) => f !== '') : []
}

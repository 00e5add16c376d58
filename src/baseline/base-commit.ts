/**
 * The one way perfgate finds the commit a change is judged against: the
 * merge base of HEAD and the base ref, used both to read the baselines as
 * they were there (`baselineRef: 'merge-base'`) and to list the baseline
 * files the change edits (the reports' `baseRef`).
 */
import { GitError, runGit } from './git-runner.js'

/** The base ref: the explicit one, else PERFGATE_BASE_REF, else GITHUB_BASE_REF (set on pull requests); undefined when none is set. */
export function resolveBaseRef(explicit: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  return explicit || env.PERFGATE_BASE_REF || env.GITHUB_BASE_REF || undefined
}

export type BaseCommit = { ok: true; commit: string; ref: string } | { ok: false; error: GitError }

/**
 * The merge base of HEAD and `ref`. A branch name that only exists as a
 * remote-tracking branch (GITHUB_BASE_REF=main in a pull request checkout)
 * is tried as `origin/<name>` too; the error is git's answer to the last try.
 */
export function mergeBaseWithHead(cwd: string, ref: string): BaseCommit {
  let error: GitError | undefined
  for (const candidate of ref.startsWith('origin/') ? [ref] : [ref, `origin/${ref}`]) {
    try {
      return { ok: true, commit: runGit(cwd, ['merge-base', 'HEAD', candidate]).trim(), ref: candidate }
    } catch (err) {
      if (!(err instanceof GitError)) throw err
      error = err
    }
  }
  return { ok: false, error: error! }
}

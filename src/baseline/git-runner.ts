/** The one way perfgate runs git: with a timeout, and a failure that names the command and quotes git. */
import { execFileSync } from 'node:child_process'
import { errorMessage, PerfgateError } from '../errors.js'

/** A git command that takes longer than this is stuck (a credential prompt, a lock): it is stopped. */
export const GIT_TIMEOUT_MS = 10_000

/** Why a git command failed, in one line: git's own stderr where it said something. */
function failureDetail(err: unknown, timeoutMs: number): string {
  const e = err as NodeJS.ErrnoException & { stderr?: string; signal?: string | null }
  if (e.code === 'ENOENT') return 'git is not installed (or not on the PATH)'
  if (e.code === 'ETIMEDOUT') return `it did not finish within ${timeoutMs} ms and was stopped`
  const said = (e.stderr ?? '').trim().split('\n')[0]
  return said || e.message.split('\n')[0] || 'no output'
}

/** A failed git command: GIT_FAILED, with the command and git's one-line reason apart, for callers that explain it in their own words. */
export class GitError extends PerfgateError {
  constructor(
    readonly command: string,
    readonly detail: string,
    cwd: string,
    cause: unknown,
  ) {
    super('GIT_FAILED', errorMessage('GIT_FAILED', { command, cwd, detail }), { cause })
  }
}

/** stdout of `git args` run in `cwd`; a GitError naming the command and git's message when it fails. */
export function runGit(cwd: string, args: readonly string[], timeoutMs = GIT_TIMEOUT_MS): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs })
  } catch (err) {
    throw new GitError(`git ${args.join(' ')}`, failureDetail(err, timeoutMs), cwd, err)
  }
}

/** Trimmed stdout of `git args`, or null when it fails: for questions that git may not be able to answer (no repository, no such ref). */
export function tryGit(cwd: string, args: readonly string[], timeoutMs = GIT_TIMEOUT_MS): string | null {
  try {
    return runGit(cwd, args, timeoutMs).trim()
  } catch (err) {
    if (err instanceof GitError) return null
    throw err
  }
}

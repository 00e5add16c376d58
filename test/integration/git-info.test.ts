/**
 * Which baseline files a change edits, against the merge base of its base ref,
 * on a real temporary git repository: a pull request branch that edits a
 * baseline, adds one, and leaves one uncommitted.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveBaselineRef } from '../../src/baseline/git-baseline.js'
import { GitError, runGit, tryGit } from '../../src/baseline/git-runner.js'
import { PerfgateError } from '../../src/errors.js'
import { changedFilesInHead, changedFilesSinceBase, currentCommit, resolveBaseRef } from '../../src/results/git.js'

let repo: string
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim()
const write = (rel: string, text: string) => {
  mkdirSync(join(repo, rel, '..'), { recursive: true })
  writeFileSync(join(repo, rel), text)
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'perfgate-git-'))
  git('init', '-q', '-b', 'main')
  git('config', 'user.email', 'test@example.com')
  git('config', 'user.name', 'perfgate test')
  git('config', 'commit.gpgsign', 'false')
  write('baselines/a.perf.test.ts.json', '{"a": 1}\n')
  write('baselines/b.perf.test.ts.json', '{"b": 1}\n')
  write('src/model.ts', 'export {}\n')
  git('add', '.')
  git('commit', '-q', '-m', 'main: baselines')
  git('checkout', '-q', '-b', 'feature')
  write('baselines/a.perf.test.ts.json', '{"a": 2}\n') // the PR loosens its own baseline
  write('baselines/new.perf.test.ts.json', '{"n": 1}\n')
  write('src/model.ts', 'export const x = 1\n')
  git('add', '.')
  git('commit', '-q', '-m', 'feature: edit a baseline')
  git('checkout', '-q', 'main')
  write('baselines/b.perf.test.ts.json', '{"b": 3}\n') // main moves on: not the PR's change
  git('commit', '-q', '-am', 'main: b moves')
  git('checkout', '-q', 'feature')
  write('baselines/uncommitted.perf.test.ts.json', '{}\n')
})
afterAll(() => rmSync(repo, { recursive: true, force: true }))

describe('changedFilesSinceBase', () => {
  it('lists the baseline files the branch changed since its merge base, committed or not, and not what main changed since', () => {
    const found = changedFilesSinceBase(repo, 'main', 'baselines')
    expect(found).toEqual({
      ok: true,
      mergeBase: expect.stringMatching(/^[0-9a-f]{40}$/),
      files: ['baselines/a.perf.test.ts.json', 'baselines/new.perf.test.ts.json', 'baselines/uncommitted.perf.test.ts.json'],
    })
  })

  it('finds a branch that only exists as origin/<name>, as GITHUB_BASE_REF names it', () => {
    git('update-ref', 'refs/remotes/origin/trunk', 'main')
    const found = changedFilesSinceBase(repo, 'trunk', 'baselines')
    expect(found.ok && found.files).toContain('baselines/a.perf.test.ts.json')
  })

  it('says why when the ref is unknown or the folder is not in git', () => {
    expect(changedFilesSinceBase(repo, 'no-such-branch', 'baselines')).toEqual({
      ok: false,
      reason: "no merge base of 'no-such-branch' and HEAD (is the ref fetched? with actions/checkout use fetch-depth: 0)",
    })
    const outside = mkdtempSync(join(tmpdir(), 'perfgate-nogit-'))
    try {
      expect(changedFilesSinceBase(outside, 'main', 'baselines')).toEqual({ ok: false, reason: `${outside} is not inside a git work tree` })
    } finally {
      rmSync(outside, { recursive: true, force: true })
    }
  })
})

describe('changedFilesInHead', () => {
  it('lists the baseline files the last commit changed', () => {
    expect(changedFilesInHead(repo, 'baselines')).toEqual(['baselines/a.perf.test.ts.json', 'baselines/new.perf.test.ts.json'])
  })
})

describe('currentCommit and resolveBaseRef', () => {
  it('prefers GITHUB_SHA, else asks git', () => {
    expect(currentCommit(repo, { GITHUB_SHA: 'abc' })).toBe('abc')
    expect(currentCommit(repo, {})).toBe(git('rev-parse', 'HEAD'))
  })

  it('takes the option, then PERFGATE_BASE_REF, then GITHUB_BASE_REF', () => {
    expect(resolveBaseRef('origin/dev', { PERFGATE_BASE_REF: 'x', GITHUB_BASE_REF: 'y' })).toBe('origin/dev')
    expect(resolveBaseRef(undefined, { PERFGATE_BASE_REF: 'x', GITHUB_BASE_REF: 'y' })).toBe('x')
    expect(resolveBaseRef(undefined, { GITHUB_BASE_REF: 'y' })).toBe('y')
    expect(resolveBaseRef(undefined, { GITHUB_BASE_REF: '' })).toBeUndefined()
  })
})

describe('the git runner', () => {
  it('fails with a dictionary message naming the command, the folder and what git said, the git failure kept as the cause', () => {
    let caught: unknown
    try {
      runGit(repo, ['rev-parse', '--verify', 'no-such-branch^{commit}'])
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(GitError)
    expect(caught).toBeInstanceOf(PerfgateError)
    const err = caught as GitError
    expect(err.code).toBe('GIT_FAILED')
    expect(err.message).toContain(`\`git rev-parse --verify no-such-branch^{commit}\` failed in ${repo}: fatal: Needed a single revision.`)
    expect(err.message).toContain('fetch-depth: 0')
    expect((err.cause as Error).stack).toMatch(/^\s+at /m)
    expect(tryGit(repo, ['rev-parse', '--verify', 'no-such-branch^{commit}'])).toBeNull()
  })

  it('stops a git command that does not finish within its timeout', () => {
    // a 5 s command against a 300 ms limit: far beyond any scheduling noise
    expect(() => runGit(repo, ['-c', 'alias.stuck=!sleep 5', 'stuck'], 300)).toThrow('did not finish within 300 ms and was stopped')
  })
})

describe('one base commit for baselineRef and baseRef', () => {
  it("'merge-base' resolves to the merge base the reports use for the same base ref", () => {
    const reports = changedFilesSinceBase(repo, 'main', 'baselines')
    expect(reports.ok).toBe(true)
    expect(resolveBaselineRef(repo, 'merge-base', { PERFGATE_BASE_REF: 'main' })).toBe(reports.ok && reports.mergeBase)
    expect(resolveBaselineRef(repo, 'merge-base', { GITHUB_BASE_REF: 'main' })).toBe(reports.ok && reports.mergeBase)
  })

  it("'merge-base' finds a base branch that only exists as origin/<name>, as GITHUB_BASE_REF names it", () => {
    git('update-ref', 'refs/remotes/origin/release', 'main')
    expect(resolveBaselineRef(repo, 'merge-base', { GITHUB_BASE_REF: 'release' })).toBe(git('merge-base', 'HEAD', 'main'))
  })

  it('an unknown base ref says what git said, with the git failure as the cause', () => {
    expect(() => resolveBaselineRef(repo, 'merge-base', { PERFGATE_BASE_REF: 'gone' })).toThrow(
      expect.objectContaining({
        code: 'BASELINE_REF_UNRESOLVED',
        message: expect.stringContaining("Cannot resolve baselineRef 'merge-base' (gone) with git: fatal: Not a valid object name origin/gone"),
        cause: expect.any(GitError),
      }),
    )
  })
})

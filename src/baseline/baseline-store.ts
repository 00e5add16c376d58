/**
 * Baseline file access behind one small interface, as Vitest's
 * SnapshotEnvironment: the working tree's files are one implementation, the
 * files as they are at a git commit another (read-only: a pull request is
 * judged against its merge base's baselines and never writes them). Callers
 * get a store once and do not choose between readers.
 */
import { readBaselineAtCommit } from './git-baseline.js'
import type { BaselineRead } from './parse.js'
import { readBaselineFile, updateBaselineFile, writeBaselineFile, type BaselineUpdate, type PlanChanges } from './store.js'

/** Reads baseline files; never throws for a missing or bad file. */
export interface BaselineReader {
  /** The file `file`, validated; `shownAs` names it in messages. */
  read(file: string, shownAs: string): BaselineRead
}

/** Reads and writes baseline files. */
export interface BaselineStore extends BaselineReader {
  /**
   * Applies a run's changes: under the file's lock the newest file is read again,
   * `plan` is applied to it and the result replaces the file atomically (deleted
   * when no entry is left); a file that is invalid when read again is left untouched.
   */
  save(file: string, shownAs: string, plan: PlanChanges): BaselineUpdate
  /** Deletes the file, if it exists. */
  remove(file: string): void
}

/** The baseline files in the working tree under `root`; writes outside `root` are refused. */
export function workingTreeStore(root: string): BaselineStore {
  return {
    read: (file, shownAs) => readBaselineFile(file, shownAs),
    save: (file, shownAs, plan) => updateBaselineFile(file, shownAs, root, plan),
    remove: (file) => writeBaselineFile(file, null, root),
  }
}

/** The baseline files as they are at `commit` of the git repository at `root`. */
export function commitReader(root: string, commit: string): BaselineReader {
  return { read: (file, shownAs) => readBaselineAtCommit(root, commit, file, shownAs) }
}

/** Where a gated run reads baselines: at `commit` when the `baselineRef` option resolved one, else the working tree. */
export function baselineReader(root: string, commit: string | undefined): BaselineReader {
  return commit ? commitReader(root, commit) : workingTreeStore(root)
}

/**
 * Why a file could not be written, in words, and what to do about it: one
 * place for the errno codes perfgate meets when writing baselines and reports.
 */

export interface WriteFailure {
  /** What went wrong, starting with the errno code when there is one. */
  reason: string
  /** How to fix it. */
  fix: string
}

const FIXES: Record<string, (option: string) => string> = {
  ENOTDIR: (option) => `A part of the path is a regular file, not a folder: move that file away, or point ${option} at a folder.`,
  EISDIR: (option) => `The path names a folder: point ${option} at a file path, or remove the folder.`,
  EACCES: () => 'Permission denied: make the file and its folder writable (e.g. chmod u+w), or run as a user who may write there.',
  EPERM: () => 'The operation is not permitted: make the file and its folder writable, or run as a user who may write there.',
  EROFS: (option) => `The file system is read-only: point ${option} at a writable location.`,
  ENOSPC: () => 'The disk is full: free some space and run again.',
  // mkdir of a folder where a regular file already is
  EEXIST: (option) => `A regular file is in the way where a folder should be: move that file away, or point ${option} at another folder.`,
}

/** The reason and fix for an error thrown by a file system write; `option` names the setting that chose the path. */
export function describeWriteFailure(err: unknown, option: string): WriteFailure {
  const code = (err as NodeJS.ErrnoException | undefined)?.code
  const detail = err instanceof Error ? err.message : String(err)
  const fix = code !== undefined ? FIXES[code] : undefined
  return { reason: detail, fix: fix ? fix(option) : `Check that ${option} names a writable location.` }
}

/**
 * Whether a path is inside the project root, judged on real paths: the
 * nearest existing ancestor of the path is resolved (symlinks followed), so a
 * symlinked `baselines/` that points out of the project is caught.
 */
import { realpathSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, sep } from 'node:path'

function isWithin(root: string, file: string): boolean {
  const rel = relative(root, file)
  return !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))
}

/** The real path of `file`: its nearest existing ancestor resolved, the rest appended. */
export function realPathOf(file: string): string {
  let existing = file
  const rest: string[] = []
  for (;;) {
    try {
      return join(realpathSync(existing), ...rest.reverse())
    } catch {
      const parent = dirname(existing)
      if (parent === existing) return file
      rest.push(existing.slice(parent.length).replace(/^[/\\]+/, ''))
      existing = parent
    }
  }
}

/** Where `file` really is when that is outside `root`, else undefined. */
export function outsideRoot(file: string, root: string): string | undefined {
  if (!isWithin(root, file)) return file
  const real = realPathOf(file)
  return isWithin(realPathOf(root), real) ? undefined : real
}

/**
 * Temporary files of baseline writes are named `.<random>.<pid>.tmp`; one
 * whose process has died was left by a killed write and is removed the next
 * time perfgate writes into that folder.
 */
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { processAlive } from '../locks/process-alive.js'

const TEMP_NAME = /^\.[a-z0-9]+\.(\d+)\.tmp$/

/** The name of a new temporary file of this process. */
export function tempFileName(): string {
  return `.${Math.random().toString(36).slice(2) || '0'}.${process.pid}.tmp`
}

/** The pid in a temporary file's name, or undefined when the name is not one of ours. */
export function tempFileOwner(name: string): number | undefined {
  const m = TEMP_NAME.exec(name)
  return m ? Number(m[1]) : undefined
}

/** Removes the temporary files in `dir` whose writing process is gone; returns their names. */
export function removeStaleTempFiles(dir: string, alive: (pid: number) => boolean = processAlive): string[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  const stale = names.filter((n) => {
    const pid = tempFileOwner(n)
    return pid !== undefined && pid !== process.pid && !alive(pid)
  })
  for (const n of stale) rmSync(join(dir, n), { force: true })
  return stale
}

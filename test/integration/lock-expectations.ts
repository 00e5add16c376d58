/** Expectations about the machine-wide measurement lock, shared by the profile tests. */
import { existsSync, readFileSync } from 'node:fs'
import { expect } from 'vitest'
import { lockFilePath } from '../../src/measure/run/machine-lock.js'

/** The lock must not be left held by this process (another process may hold it legitimately). */
export function expectLockNotHeldByUs(): void {
  const file = lockFilePath()
  if (!existsSync(file)) return
  let content = ''
  try {
    content = readFileSync(file, 'utf8')
  } catch {
    return // released in between
  }
  expect(content.split(':')[0]).not.toBe(String(process.pid))
}

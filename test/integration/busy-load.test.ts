/**
 * The gate-quality benchmark's busy load: K spinning processes that are gone
 * after stop(), after a Ctrl-C (SIGINT) of the benchmark, and, killed with
 * SIGKILL, by themselves once their parent is gone. No timing is asserted
 * beyond generous deadlines for a process to disappear.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { startBusyLoad } from '../../bench/gate-quality/busy-load.js'

const BUSY_LOAD = fileURLToPath(new URL('../../bench/gate-quality/busy-load.ts', import.meta.url))

/** Whether a process exists and is not a zombie awaiting its parent (Linux: /proc), or still answers signal 0 elsewhere. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true
  }
}

async function goneWithin(pids: readonly number[], ms: number): Promise<boolean> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (pids.every((p) => !alive(p))) return true
    await new Promise((r) => setTimeout(r, 50))
  }
  return pids.every((p) => !alive(p))
}

const leftovers: number[] = []
afterEach(() => {
  for (const p of leftovers.splice(0)) if (alive(p)) process.kill(p, 'SIGKILL')
})

/** A Node process that starts a busy load of 2, prints the pids and waits. */
async function childWithLoad() {
  const code = `const m = await import(${JSON.stringify(BUSY_LOAD)}); const l = m.startBusyLoad(2); console.log(JSON.stringify(l.pids)); setInterval(() => {}, 1000)`
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] })
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string]
  const pids = JSON.parse(line) as number[]
  leftovers.push(child.pid!, ...pids)
  return { child, pids }
}

describe('the busy load', () => {
  it('starts K processes and stop() leaves none', async () => {
    const load = startBusyLoad(2)
    leftovers.push(...load.pids)
    expect(load.pids).toHaveLength(2)
    expect(load.pids.every(alive)).toBe(true)
    await load.stop()
    expect(await goneWithin(load.pids, 10_000)).toBe(true)
    await load.stop()
  })

  it('starts nothing for K = 0', async () => {
    const load = startBusyLoad(0)
    expect(load.pids).toEqual([])
    await load.stop()
  })

  it('is killed when the benchmark gets SIGINT, which still ends the benchmark', async () => {
    const { child, pids } = await childWithLoad()
    expect(pids.every(alive)).toBe(true)
    child.kill('SIGINT')
    const [, signal] = (await once(child, 'exit')) as [number | null, string | null]
    expect(signal).toBe('SIGINT')
    expect(await goneWithin(pids, 10_000)).toBe(true)
  })

  it('exits by itself when the benchmark is killed outright (SIGKILL)', async () => {
    const { child, pids } = await childWithLoad()
    child.kill('SIGKILL')
    await once(child, 'exit')
    expect(await goneWithin(pids, 30_000)).toBe(true)
  }, 40_000)
})

import { describe, expect, it } from 'vitest'
import { describeOwner, formatOwner, parseOwner, staleReason, type ProcessProbe } from '../../src/measure/run/lock-owner.js'

/** A process table: pid -> its start time, command line and live OS threads. */
function probe(table: Record<number, { start?: string; cmd?: string; threads?: number[] }>): ProcessProbe {
  return {
    alive: (pid) => pid in table,
    startTime: (pid) => table[pid]?.start,
    cmdline: (pid) => table[pid]?.cmd,
    threadAlive: (pid, tid) => (table[pid]?.threads ? table[pid].threads.includes(tid) : undefined),
  }
}

describe('lock owner lines', () => {
  it('round-trip the owner’s pid, thread, OS thread and start time', () => {
    const line = formatOwner(42, 3, 'abc', 4711, '98765')
    expect(line).toBe('42:3:abc:4711:98765:perfgate')
    expect(parseOwner(line)).toEqual({ pid: 42, thread: '3', tid: 4711, start: '98765' })
  })
  it('read older three-field lines', () => {
    expect(parseOwner('42:0:abc')).toEqual({ pid: 42, thread: '0' })
    expect(describeOwner('42:0:abc')).toBe('process 42 (thread 0)')
  })
})

describe('staleReason', () => {
  const node = { start: '100', cmd: '/usr/bin/node\0vitest\0', threads: [42, 50] }

  it('an owner that is there is not stale', () => {
    expect(staleReason(formatOwner(42, 1, 'x', 50, '100'), probe({ 42: node }))).toBeUndefined()
    expect(staleReason('42:4242:1', probe({ 42: node }))).toBeUndefined() // older line, node process: waited for
  })
  it('an exited process is stale', () => {
    expect(staleReason(formatOwner(42, 1, 'x', 50, '100'), probe({}))).toBe('process 42 has exited')
  })
  it('a pid now used by a process started at another time is stale', () => {
    expect(staleReason(formatOwner(42, 1, 'x', 50, '99'), probe({ 42: node }))).toContain('now belongs to another process')
  })
  it('an older line whose live pid runs something that is not node is stale', () => {
    expect(staleReason('7:0:1', probe({ 7: { cmd: 'sleep\x0060\0' } }))).toContain('is not perfgate')
  })
  it('a thread that exited in a live process is stale', () => {
    expect(staleReason(formatOwner(42, 3, 'x', 77, '100'), probe({ 42: node }))).toBe('thread 3 of process 42 has exited')
  })
  it('without /proc, a live pid is trusted', () => {
    expect(staleReason(formatOwner(42, 3, 'x', 77, '100'), probe({ 42: {} }))).toBeUndefined()
  })
  it('a line without a pid is stale', () => {
    expect(staleReason('garbage', probe({}))).toBe('it names no process')
  })
})

/** One request at a time, a bounded queue in arrival order, and a waiter that leaves: no server, no timing. */
import { describe, expect, it } from 'vitest'
import { RequestQueue } from '../../../src/serve/request-queue.js'

describe('RequestQueue', () => {
  it('runs one request at a time, in arrival order, and is full at its capacity', async () => {
    const queue = new RequestQueue(2)
    const order: string[] = []
    const doneA = await queue.turn()
    expect(queue.full).toBe(false)
    const b = queue.turn().then((done) => (order.push('b'), done))
    const c = queue.turn().then((done) => (order.push('c'), done))
    expect([queue.length, queue.full]).toEqual([2, true])
    await Promise.resolve()
    expect(order).toEqual([])
    doneA()
    doneA() // a second call hands on nothing more
    const doneB = await b
    expect([order, queue.length]).toEqual([['b'], 1])
    doneB()
    ;(await c)()
    expect([order, queue.length, queue.full]).toEqual([['b', 'c'], 0, false])
    // free again: the next request starts at once
    ;(await queue.turn())()
  })

  it('with capacity 0 refuses a second request while one runs', async () => {
    const queue = new RequestQueue(0)
    expect(queue.full).toBe(false)
    const done = await queue.turn()
    expect(queue.full).toBe(true)
    done()
    expect(queue.full).toBe(false)
  })

  it('drops a waiter whose signal aborts, and refuses an aborted one at once', async () => {
    const queue = new RequestQueue(4)
    const done = await queue.turn()
    const gone = new AbortController()
    const waiting = queue.turn(gone.signal)
    const next = queue.turn()
    gone.abort(new Error('client left'))
    await expect(waiting).rejects.toThrow('client left')
    expect(queue.length).toBe(1)
    await expect(queue.turn(AbortSignal.abort(new Error('already gone')))).rejects.toThrow('already gone')
    done()
    ;(await next)()
  })

  it('refuses every waiting request when the server stops', async () => {
    const queue = new RequestQueue(4)
    const done = await queue.turn()
    const waiting = [queue.turn(), queue.turn()]
    queue.failWaiting(new Error('stopping'))
    for (const w of waiting) await expect(w).rejects.toThrow('stopping')
    expect(queue.length).toBe(0)
    done()
  })
})

/**
 * One request generates at a time; up to `capacity` more wait their turn in arrival order. A request that
 * finds the queue full is refused at once (the server answers 429), and one whose client goes away while
 * waiting leaves the queue. No I/O: the server awaits `turn`.
 */

interface Waiter {
  start: () => void
  fail: (err: unknown) => void
}

export class RequestQueue {
  private busy = false
  private readonly waiting: Waiter[] = []

  /** @param capacity requests that may wait while one generates (0: none waits, a second is refused) */
  constructor(readonly capacity: number) {}

  /** Requests waiting, the running one not counted. */
  get length(): number {
    return this.waiting.length
  }

  /** Whether a request arriving now would be refused. */
  get full(): boolean {
    return this.busy && this.waiting.length >= this.capacity
  }

  /**
   * Resolves with a `done` function when it is this request's turn; `done` hands the turn on. Rejects with
   * `signal`'s reason when the signal aborts while waiting. Check `full` first: a full queue still queues.
   */
  turn(signal?: AbortSignal): Promise<() => void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason)
      let released = false
      const done = () => {
        if (released) return
        released = true
        this.next()
      }
      if (!this.busy) {
        this.busy = true
        resolve(done)
        return
      }
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve(done)
        },
        fail: reject,
      }
      const onAbort = () => {
        const at = this.waiting.indexOf(waiter)
        if (at >= 0) this.waiting.splice(at, 1)
        reject(signal?.reason)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.waiting.push(waiter)
    })
  }

  /** Refuses every waiting request with `err` (the server is stopping); the running one finishes as it will. */
  failWaiting(err: unknown): void {
    for (const w of this.waiting.splice(0)) w.fail(err)
  }

  private next(): void {
    const waiter = this.waiting.shift()
    if (waiter) waiter.start()
    else this.busy = false
  }
}

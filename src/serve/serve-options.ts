/** Options of `perfgate serve`'s server and their defaults (the CLI's help reads them from here). */

export interface ServeOptions {
  /** Interface to listen on. @default '127.0.0.1' (this machine only) */
  host?: string
  /** Port; 0 picks a free one. @default 8000 */
  port?: number
  /** Requests that may wait while one generates; one more is answered 429. @default 16 */
  queue?: number
  /** Sleep this long before sending each token: a slower server for tests and demos. @default 0 */
  delayPerTokenMs?: number
}

export const SERVE_DEFAULTS = { host: '127.0.0.1', port: 8000, queue: 16, delayPerTokenMs: 0 } as const

/**
 * An error answered to an HTTP client of `perfgate serve`, as OpenAI-compatible servers answer it:
 * a status and `{ "error": { "message", "type", "param", "code" } }`. These messages are the server's
 * protocol replies to a client program, not perfgate's own errors (those come from src/errors.ts).
 */

export interface ApiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null }
}

export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    readonly status: number,
    message: string,
    readonly type: string,
    readonly param: string | null = null,
    readonly code: string | null = null,
    /** Seconds, for the Retry-After header of a 429 or 503. */
    readonly retryAfterS?: number,
  ) {
    super(message)
  }

  static badRequest(message: string, param: string | undefined): ApiError {
    return new ApiError(400, message, 'invalid_request_error', param ?? null)
  }

  body(): ApiErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } }
  }
}

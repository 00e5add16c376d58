/**
 * Session options as perfgate creates sessions with them: onnxruntime's own
 * log lines (printed in red before perfgate can explain a failure) are limited
 * to fatal ones, unless the user set a log level; perfgate's error carries
 * onnxruntime's message anyway.
 */
import type ort from 'onnxruntime-node'

/** onnxruntime's severity levels: 0 verbose, 1 info, 2 warning, 3 error, 4 fatal. */
export const QUIET_LOG_SEVERITY = 4

export function quietSessionOptions(options: ort.InferenceSession.SessionOptions = {}): ort.InferenceSession.SessionOptions {
  return options.logSeverityLevel === undefined ? { ...options, logSeverityLevel: QUIET_LOG_SEVERITY } : options
}

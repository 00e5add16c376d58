/**
 * The onnxruntime-node version, read from its package.json rather than from the
 * runtime, so that a module which only needs the version for the testbed (the
 * matcher, in every Vitest worker) does not load the native binding.
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

function installedVersion(): string {
  try {
    const manifest = require('onnxruntime-node/package.json') as { version?: unknown }
    return typeof manifest.version === 'string' ? manifest.version : 'unknown'
  } catch {
    return 'unknown'
  }
}

/** The onnxruntime-node version in use. */
export const ONNXRUNTIME_VERSION: string = installedVersion()

/**
 * Finds a Chromium for the browser tests: PERFGATE_CHROMIUM, else the usual
 * system paths (Debian's `chromium` package installs /usr/bin/chromium; CI
 * installs it in .ci/run). Never downloads a browser.
 */
import { existsSync } from 'node:fs'

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = env.PERFGATE_CHROMIUM
  if (explicit) return existsSync(explicit) ? explicit : undefined
  return CANDIDATES.find((p) => existsSync(p))
}

/** Flags for a headless run that reaches no network and starts nothing in the background. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']

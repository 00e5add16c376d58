/** The messages of profiling a serving endpoint, a part of the one dictionary in errors.ts (which spreads them in). */
export const ENDPOINT_MESSAGES = {
  ENDPOINT_URL_INVALID: (p: { url: string; detail: string }) =>
    `Invalid endpoint URL ${p.url}: ${p.detail}. Give the server's base URL, e.g. http://127.0.0.1:8000/v1 (perfgate appends /chat/completions or /completions).`,
  ENDPOINT_URL_CREDENTIALS: (p: { url: string }) =>
    `Refusing the endpoint URL ${p.url}: it carries credentials (user:password@), which would end up in results and logs. ` +
    `Remove them and put the API key in an environment variable: OPENAI_API_KEY, or another one named with apiKeyEnv / --api-key-env.`,
  ENDPOINT_API_KEY_MISSING: (p: { variable: string }) =>
    `The environment variable ${p.variable} (named by apiKeyEnv / --api-key-env) is not set or is empty. Set it to the API key, or leave the option out to send no key.`,
  ENDPOINT_REQUEST_FAILED: (p: { url: string; where: string; reason: string }) =>
    `A request to ${p.url} failed (${p.where}): ${p.reason}. perfgate gates only complete measurements: check that the server is up and serves ` +
    `this model, or raise the timeouts (timeouts option; --connect-timeout, --first-token-timeout, --total-timeout).`,
  ENDPOINT_CHANGED: (p: { key: string; file: string; stored: string; current: string }) =>
    `The baseline entry "${p.key}" in ${p.file} was measured on another server: ${p.stored}; now ${p.current}. ` +
    `perfgate never compares two servers. Re-record the entry with \`npx vitest run -u\` (or \`npx perfgate update\`) if the server changed on purpose, ` +
    `or give this server its own entry with toBeWithinBaseline({ name: '...' }).`,
} as const

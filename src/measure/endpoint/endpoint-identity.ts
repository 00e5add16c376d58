/**
 * Which server a result measured, and the secrets that must never be
 * recorded. A URL with credentials (`user:password@`) is refused, not
 * stripped: the credentials were meant for the server, so dropping them would
 * measure an unauthenticated request, and keeping them would write them into
 * results; the API key comes from the environment instead. A query or a
 * fragment is refused too (a key often travels there). The identity (URL
 * without credentials, model requested and served, `system_fingerprint`,
 * `Server` header, API) goes into the testbed, so that baselines of two
 * servers are never compared.
 */
import { createHash } from 'node:crypto'
import { perfgateError } from '../../errors.js'
import type { EndpointApi, EndpointIdentity, ServerFacts } from '../../types/endpoint.js'
import type { ModelIdentity } from '../../types/index.js'

/** Is this a model source or an endpoint? An http(s) URL is an endpoint. */
export function isEndpointUrl(source: unknown): source is string {
  return typeof source === 'string' && /^https?:\/\//i.test(source.trim())
}

/** A URL as messages may show it: credentials, query and fragment dropped. */
export function shownUrl(raw: string): string {
  try {
    const u = new URL(raw)
    return `${u.protocol}//${u.host}${u.pathname}`
  } catch {
    return raw.replace(/\/\/[^/@]*@/, '//').replace(/[?#].*$/, '')
  }
}

/** The base URL to request: http(s), no credentials, query or fragment, no trailing slash. */
export function endpointBaseUrl(raw: string): string {
  let u: URL
  try {
    u = new URL(raw.trim())
  } catch {
    throw perfgateError('ENDPOINT_URL_INVALID', { url: shownUrl(raw), detail: 'it is not a URL' })
  }
  if (u.username !== '' || u.password !== '') throw perfgateError('ENDPOINT_URL_CREDENTIALS', { url: shownUrl(raw) })
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw perfgateError('ENDPOINT_URL_INVALID', { url: shownUrl(raw), detail: `the protocol is ${u.protocol}, not http: or https:` })
  }
  if (u.search !== '' || u.hash !== '') {
    throw perfgateError('ENDPOINT_URL_INVALID', {
      url: shownUrl(raw),
      detail: 'it has a query or a fragment, which perfgate does not send (a key often travels there)',
    })
  }
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`
}

/**
 * The API key: from the variable `apiKeyEnv` names (which must then be set), else OPENAI_API_KEY when set,
 * else none. The value is only ever sent as a header.
 */
export function resolveApiKey(apiKeyEnv: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (apiKeyEnv !== undefined) {
    const v = env[apiKeyEnv]
    if (v === undefined || v === '') throw perfgateError('ENDPOINT_API_KEY_MISSING', { variable: apiKeyEnv })
    return v
  }
  const v = env.OPENAI_API_KEY
  return v === undefined || v === '' ? undefined : v
}

/** The identity of the server, from the URL, the request and what the server said (the last request's facts). */
export function endpointIdentity(url: string, api: EndpointApi, model: string, facts: ServerFacts): EndpointIdentity {
  const id: EndpointIdentity = { url, api, model }
  if (facts.model !== undefined) id.servedModel = facts.model
  if (facts.systemFingerprint !== undefined) id.systemFingerprint = facts.systemFingerprint
  if (facts.serverHeader !== undefined) id.server = facts.serverHeader
  return id
}

/**
 * The model identity of an endpoint result: the URL and model as its path, no bytes, and a hash of the
 * whole server identity, so that a different server or backend shows as a different model.
 */
export function endpointModelIdentity(id: EndpointIdentity): ModelIdentity {
  const keys = Object.keys(id).sort() as (keyof EndpointIdentity)[]
  const canonical = JSON.stringify(keys.map((k) => [k, id[k]]))
  return { path: `${id.url} (${id.model})`, bytes: 0, sha256: createHash('sha256').update(canonical).digest('hex') }
}

/** Whether two testbeds name the same server (both none, or equal identities). */
export function sameEndpoint(a: EndpointIdentity | undefined, b: EndpointIdentity | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  return endpointModelIdentity(a).sha256 === endpointModelIdentity(b).sha256
}

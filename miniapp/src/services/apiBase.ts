/**
 * Where the API lives. H5 is served by the XinYuan server itself, so it calls the same origin; the
 * weapp build has no origin and calls the address fixed at build time (env XINYUAN_API_BASE).
 */
const builtInBase = process.env.TARO_ENV === 'h5' ? '/api/v1' : `${XINYUAN_API_BASE}/api/v1`

let overrideBase: string | null = null

export function apiBase(): string {
  return overrideBase ?? builtInBase
}

/**
 * Points the client at another server, or back at the built-in one with null. Tests use it: they run a
 * real server on a random local port.
 */
export function setApiBase(base: string | null): void {
  overrideBase = base === null ? null : base.replace(/\/+$/, '')
}

import dns from 'node:dns/promises'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import type { LookupFunction } from 'node:net'

/**
 * Fetching a URL that a member typed, from inside our network, without letting it reach inside our
 * network (SSRF): http/https on 80/443 only; the host is resolved here and every address checked
 * against private, loopback, link-local, CGNAT, multicast and reserved ranges; the connection goes to
 * the address that was checked (no second lookup to rebind); each redirect hop is checked again.
 */

export class RefusedUrl extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RefusedUrl'
  }
}

export class FetchFailed extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FetchFailed'
  }
}

// Separate lists per family: a BlockList also matches IPv4 addresses against IPv4-mapped IPv6 rules.
const blocked4 = new net.BlockList()
const blocked6 = new net.BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) blocked4.addSubnet(network, prefix, 'ipv4')
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback, IPv4-compatible (deprecated)
  ['64:ff9b::', 96], // NAT64
  ['64:ff9b:1::', 48], // local NAT64
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments (Teredo, ORCHID, ...)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) blocked6.addSubnet(network, prefix, 'ipv6')

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d or ::ffff:XXXX:XXXX). */
function mappedIPv4(address: string): string | null {
  const lower = address.toLowerCase()
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower) ?? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower)
  if (dotted) return dotted[1]
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower)
  if (hex) {
    const hi = parseInt(hex[1], 16)
    const lo = parseInt(hex[2], 16)
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`
  }
  return null
}

/** True for an address no member-supplied URL may reach. */
export function isForbiddenAddress(address: string): boolean {
  const family = net.isIP(address)
  if (family === 4) return blocked4.check(address, 'ipv4')
  if (family === 6) {
    // IPv4-mapped addresses are judged by the IPv4 address inside.
    const v4 = mappedIPv4(address)
    if (v4) return blocked4.check(v4, 'ipv4')
    return blocked6.check(address, 'ipv6')
  }
  return true
}

/** Hosts exempt from the address and port rules, from LINK_PREVIEW_ALLOW_HOSTS (for local test servers only). */
function allowedHosts(): Set<string> {
  return new Set(
    (process.env.LINK_PREVIEW_ALLOW_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  )
}

const bareHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, '').toLowerCase()

/** Checks a URL and resolves its host: the address to connect to, or RefusedUrl. */
export async function checkUrl(url: URL): Promise<{ address: string; family: 4 | 6 }> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RefusedUrl('Only http and https links can be previewed.')
  if (url.username || url.password) throw new RefusedUrl('Links with a user name or password cannot be previewed.')
  const host = bareHost(url)
  const allowed = allowedHosts().has(host)
  const port = url.port || (url.protocol === 'https:' ? '443' : '80')
  if (!allowed && port !== '80' && port !== '443') throw new RefusedUrl('Only links on the standard ports (80, 443) can be previewed.')
  let addresses: { address: string; family: number }[]
  if (net.isIP(host)) addresses = [{ address: host, family: net.isIP(host) }]
  else {
    if (!host) throw new RefusedUrl('Not a valid URL.')
    try {
      addresses = await dns.lookup(host, { all: true, verbatim: true })
    } catch {
      throw new FetchFailed('The site could not be found.')
    }
  }
  if (addresses.length === 0) throw new FetchFailed('The site could not be found.')
  if (!allowed && addresses.some((a) => isForbiddenAddress(a.address))) throw new RefusedUrl('This address is not reachable from the internet.')
  const first = addresses[0]
  return { address: first.address, family: first.family === 6 ? 6 : 4 }
}

export type FetchedPage = { url: string; status: number; contentType: string; body: string }

export type SafeFetchOptions = { maxRedirects?: number; timeoutMs?: number; maxBytes?: number; accept?: (contentType: string) => boolean }

/** GET `input` safely and return its body as text (cut at maxBytes). */
export async function safeFetch(input: string, opts: SafeFetchOptions = {}): Promise<FetchedPage> {
  const { maxRedirects = 3, timeoutMs = 5000, maxBytes = 512 * 1024, accept = () => true } = opts
  let url: URL
  try {
    url = new URL(input)
  } catch {
    throw new RefusedUrl('Not a valid URL.')
  }
  const deadline = Date.now() + timeoutMs
  for (let hop = 0; ; hop++) {
    const target = await checkUrl(url)
    const res = await requestOnce(url, target, Math.max(1, deadline - Date.now()), maxBytes, accept)
    if (res.location !== undefined) {
      if (hop >= maxRedirects) throw new FetchFailed('Too many redirects.')
      try {
        url = new URL(res.location, url)
      } catch {
        throw new FetchFailed('The site redirected to an invalid address.')
      }
      continue
    }
    return { url: url.toString(), status: res.status, contentType: res.contentType, body: res.body }
  }
}

function requestOnce(
  url: URL,
  target: { address: string; family: 4 | 6 },
  timeoutMs: number,
  maxBytes: number,
  accept: (contentType: string) => boolean,
): Promise<{ status: number; contentType: string; body: string; location?: string }> {
  // The connection uses the address checked above, whatever the resolver would say now.
  const lookup: LookupFunction = (_hostname, options, callback) => {
    const cb = callback as unknown as (err: Error | null, address: string | { address: string; family: number }[], family?: number) => void
    if ((options as { all?: boolean }).all) cb(null, [{ address: target.address, family: target.family }])
    else cb(null, target.address, target.family)
  }
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      req.destroy(new FetchFailed('The site took too long to answer.'))
    }, timeoutMs)
    const req = client.request(
      url,
      {
        method: 'GET',
        lookup,
        agent: false,
        headers: {
          'User-Agent': 'RoundsLinkPreview/1.0 (+https://rounds.example)',
          Accept: 'text/html,application/xhtml+xml;q=0.9',
          'Accept-Encoding': 'identity',
        },
      },
      (res) => {
        const status = res.statusCode ?? 0
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume()
          clearTimeout(timer)
          resolve({ status, contentType: '', body: '', location: res.headers.location })
          return
        }
        const contentType = String(res.headers['content-type'] ?? '').toLowerCase()
        if (status < 200 || status >= 300) {
          res.resume()
          clearTimeout(timer)
          reject(new FetchFailed(`The site answered ${status}.`))
          return
        }
        if (!accept(contentType)) {
          res.destroy()
          clearTimeout(timer)
          reject(new FetchFailed('The link is not a web page.'))
          return
        }
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          const room = maxBytes - size
          if (room <= 0) return
          chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk)
          size += Math.min(chunk.length, room)
          if (size >= maxBytes) res.destroy()
        })
        const finish = () => {
          clearTimeout(timer)
          resolve({ status, contentType, body: Buffer.concat(chunks).toString('utf8') })
        }
        res.on('end', finish)
        res.on('close', finish)
        res.on('error', (err) => {
          clearTimeout(timer)
          if (size > 0) finish()
          else reject(new FetchFailed(err.message))
        })
      },
    )
    req.on('error', (err) => {
      clearTimeout(timer)
      reject(err instanceof FetchFailed ? err : new FetchFailed('The site could not be reached.'))
    })
    req.end()
  })
}

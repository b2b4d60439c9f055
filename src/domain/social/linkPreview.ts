import { FetchFailed, RefusedUrl, safeFetch } from './safeFetch'

export { FetchFailed, RefusedUrl }

export type LinkPreview = {
  url: string
  title: string | null
  description: string | null
  imageUrl: string | null
  siteName: string | null
  fetchedAt: string
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10)
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole
    }
    return ENTITIES[code.toLowerCase()] ?? whole
  })
}

const clean = (value: string | undefined, max: number) => {
  if (!value) return null
  const text = decode(value).replace(/\s+/g, ' ').trim()
  return text ? text.slice(0, max) : null
}

function attributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {}
  for (const m of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g)) {
    attrs[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? ''
  }
  return attrs
}

/** Title, description, image and site name from OpenGraph, Twitter card and plain HTML tags. */
export function parsePreview(html: string, pageUrl: string): Omit<LinkPreview, 'fetchedAt'> {
  const head = html.slice(0, 512 * 1024)
  const meta = new Map<string, string>()
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const a = attributes(m[0])
    const key = (a.property ?? a.name ?? a.itemprop ?? '').toLowerCase()
    if (key && a.content !== undefined && !meta.has(key)) meta.set(key, a.content)
  }
  const titleTag = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(head)?.[1]
  const pick = (...keys: string[]) => keys.map((k) => meta.get(k)).find((v) => v && v.trim())
  const image = pick('og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src', 'image')
  let imageUrl: string | null = null
  if (image) {
    try {
      const resolved = new URL(decode(image.trim()), pageUrl)
      if (resolved.protocol === 'https:' || resolved.protocol === 'http:') imageUrl = resolved.toString().slice(0, 2000)
    } catch {
      imageUrl = null
    }
  }
  let siteName = clean(pick('og:site_name', 'application-name', 'twitter:site'), 200)
  if (!siteName) siteName = new URL(pageUrl).hostname.replace(/^www\./, '')
  return {
    url: pageUrl,
    title: clean(pick('og:title', 'twitter:title') ?? titleTag, 300),
    description: clean(pick('og:description', 'twitter:description', 'description'), 1000),
    imageUrl,
    siteName,
  }
}

const isHtml = (contentType: string) => /^(text\/html|application\/xhtml\+xml)\b/.test(contentType)

/** Fetches `url` on the server (see safeFetch for what is refused) and reads its preview. */
export async function fetchLinkPreview(url: string): Promise<LinkPreview> {
  const page = await safeFetch(url, { maxRedirects: 3, timeoutMs: 5000, maxBytes: 512 * 1024, accept: isHtml })
  return { ...parsePreview(page.body, page.url), fetchedAt: new Date().toISOString() }
}

import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

export const MAX_TEXT = 10_000
export const MAX_TAGS = 10

/** Plain text of a Lexical body, for search and previews (whitespace collapsed, at most 10k characters). */
export function plainText(body: unknown): string {
  if (!body || typeof body !== 'object' || !(body as { root?: unknown }).root) return ''
  let text = ''
  try {
    text = convertLexicalToPlaintext({ data: body as SerializedEditorState })
  } catch {
    return ''
  }
  return text.replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim().slice(0, MAX_TEXT)
}

/** Tags as stored: lowercase, without '#', letters/digits/hyphens, unique, at most 10. */
export function normaliseTags(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined
  const list = Array.isArray(value) ? value : [value]
  const out: string[] = []
  for (const raw of list) {
    const tag = String(raw).trim().replace(/^#+/, '').toLowerCase().normalize('NFKC')
    if (tag && !out.includes(tag)) out.push(tag)
  }
  return out
}

export const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}-]{0,39}$/u

const YOUTUBE = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be', 'www.youtube-nocookie.com'])
const VIMEO = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com'])

/** An external video: https YouTube or Vimeo, or a direct https .mp4/.webm file. */
export function isAcceptedVideoUrl(value: string): boolean {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (url.protocol !== 'https:' || url.username || url.password || (url.port && url.port !== '443')) return false
  const host = url.hostname.toLowerCase()
  if (YOUTUBE.has(host)) {
    if (host === 'youtu.be') return /^\/[\w-]{6,20}$/.test(url.pathname)
    return (url.pathname === '/watch' && /^[\w-]{6,20}$/.test(url.searchParams.get('v') ?? '')) || /^\/(embed|shorts|live)\/[\w-]{6,20}$/.test(url.pathname)
  }
  if (VIMEO.has(host)) return /^\/(video\/)?\d{5,12}(\/[\w]+)?$/.test(url.pathname)
  return /\.(mp4|webm)$/i.test(url.pathname) && !/^(localhost|[\d.]+|\[.*\])$/i.test(host)
}

/** `@handle` mentions in plain text, in order, unique. */
export function mentionedHandles(text: string, max = 20): string[] {
  const found: string[] = []
  for (const match of text.matchAll(/(^|[^\w@/.])@([a-z0-9](?:[a-z0-9-]{1,58}[a-z0-9]))(?![\w-])/gi)) {
    const handle = match[2].toLowerCase()
    if (!found.includes(handle)) found.push(handle)
    if (found.length >= max) break
  }
  return found
}

/**
 * The page to go to after signing in, taken from `?next=`. Only a path on this site is accepted
 * (`/profile`, `/doctors?page=2`); anything that could leave the site (`//evil.test`, `/\evil.test`,
 * `https://…`, `javascript:`) falls back to `fallback`.
 */
export function safeNext(next: unknown, fallback = '/profile'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback
  if (/[\u0000-\u001f\\]/.test(next)) return fallback
  try {
    const base = 'http://rounds.invalid'
    const url = new URL(next, base)
    if (url.origin !== base) return fallback
    if (url.pathname === '/logout' || url.pathname.startsWith('/api/')) return fallback
    return `${url.pathname}${url.search}${url.hash}`
  } catch {
    return fallback
  }
}

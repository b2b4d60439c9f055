/**
 * Where the admin login may send the browser afterwards, from `?redirect=`: only a path inside the admin
 * panel (`/admin`, `/admin/collections/posts?page=2`). Anything else — another site (`//evil.test`,
 * `https://…`, `/\evil.test`), a page outside the panel, or the logout page that would undo the
 * login — falls back to the admin root.
 */
export function safeAdminRedirect(redirect: unknown, adminRoute: string, logoutRoute = '/logout'): string {
  const root = adminRoute.replace(/\/+$/, '') || '/'
  if (typeof redirect !== 'string' || !redirect.startsWith('/') || redirect.startsWith('//')) return root
  if (/[\u0000-\u001f\\]/.test(redirect)) return root
  try {
    const base = 'http://payload.invalid'
    const url = new URL(redirect, base)
    if (url.origin !== base) return root
    const path = url.pathname
    const inside = root === '/' || path === root || path.startsWith(`${root}/`)
    if (!inside) return root
    const rest = root === '/' ? path : path.slice(root.length)
    if (rest === logoutRoute || rest.startsWith(`${logoutRoute}/`) || rest.startsWith(`${logoutRoute}-`)) return root
    return `${path}${url.search}${url.hash}`
  } catch {
    return root
  }
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const STYLE = `
  body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: #0e1c2b; background: #f5f6f3; }
  main { max-width: 34rem; margin: 12vh auto 0; padding: 2rem 1.5rem; background: #fff; border: 1px solid #d9e0e4; border-radius: 10px; }
  h1 { font-size: 1.35rem; margin: 0 0 0.75rem; color: #0b5650; }
  p { margin: 0 0 1.25rem; }
  a { display: inline-block; padding: 0.6rem 1.1rem; border-radius: 6px; background: #0f6f68; color: #fff; text-decoration: none; font-weight: 600; }
  a:focus-visible { outline: 3px solid #0f6f68; outline-offset: 2px; }
`

function page(opts: { status: number; title: string; body: string; head?: string; cookies?: string[] }): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
${opts.head ?? ''}<title>${escape(opts.title)} · Rounds</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escape(opts.title)}</h1>
${opts.body}
</main>
</body>
</html>`
  // Payload adds CORS headers and any headers collected on the request (Retry-After) to this response.
  const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })
  for (const cookie of opts.cookies ?? []) headers.append('Set-Cookie', cookie)
  return new Response(html, { status: opts.status, headers })
}

/**
 * The page a browser lands on when a social sign-in cannot finish: the callback is a top-level
 * navigation, so it answers with a readable page (and the status that says what went wrong) rather
 * than JSON, and offers the way back.
 */
export function socialProblemPage(opts: {
  status: number
  title: string
  message: string
  back: { href: string; label: string }
  cookies?: string[]
}): Response {
  return page({
    status: opts.status,
    title: opts.title,
    cookies: opts.cookies,
    body: `<p role="alert">${escape(opts.message)}</p>\n<a href="${escape(opts.back.href)}">${escape(opts.back.label)}</a>`,
  })
}

/**
 * Success: the cookies are set and the browser moves on to `location` (a path on this site) by a
 * refresh of this page rather than by a redirect. A redirect would continue the navigation that came
 * from the provider's site, which the browser reports as cross-site (Sec-Fetch-Site), and Payload
 * ignores the session cookie on cross-site requests: the member would land looking signed out. The
 * refresh is a new navigation started by this page, on this site.
 */
export function continuePage(location: string, cookies: string[], title: string): Response {
  const href = escape(location)
  return page({
    status: 200,
    title,
    cookies,
    head: `<meta http-equiv="refresh" content="0;url=${href}">\n`,
    body: `<p role="status">One moment…</p>\n<a href="${href}">Continue</a>`,
  })
}

/** A redirect that also sets cookies. */
export function redirectTo(location: string, cookies: string[] = [], status = 303): Response {
  const headers = new Headers({ Location: location, 'Cache-Control': 'no-store' })
  for (const cookie of cookies) headers.append('Set-Cookie', cookie)
  return new Response(null, { status, headers })
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/**
 * The page a browser lands on when a social sign-in cannot finish: the callback is a top-level
 * navigation, so it answers with a readable page (and the status that says what went wrong) rather
 * than JSON, and offers the way back.
 */
export function socialProblemPage(opts: { status: number; title: string; message: string; back: { href: string; label: string }; cookies?: string[] },
): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(opts.title)} · Rounds</title>
<style>
  body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: #14212b; background: #f5f7f8; }
  main { max-width: 34rem; margin: 12vh auto 0; padding: 2rem 1.5rem; background: #fff; border: 1px solid #dbe3e7; border-radius: 12px; }
  h1 { font-size: 1.35rem; margin: 0 0 0.75rem; }
  p { margin: 0 0 1.25rem; }
  a { display: inline-block; padding: 0.6rem 1.1rem; border-radius: 8px; background: #0f6f68; color: #fff; text-decoration: none; font-weight: 600; }
  a:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
</style>
</head>
<body>
<main>
<h1>${escape(opts.title)}</h1>
<p role="alert">${escape(opts.message)}</p>
<a href="${escape(opts.back.href)}">${escape(opts.back.label)}</a>
</main>
</body>
</html>`
  // Payload adds CORS headers and any headers collected on the request (Retry-After) to this response.
  const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
  for (const cookie of opts.cookies ?? []) headers.append('Set-Cookie', cookie)
  return new Response(html, { status: opts.status, headers })
}

/** A redirect that also sets cookies (the session, the cleared flow cookie). */
export function redirectTo(location: string, cookies: string[] = [], status = 303): Response {
  const headers = new Headers({ Location: location, 'Cache-Control': 'no-store' })
  for (const cookie of cookies) headers.append('Set-Cookie', cookie)
  return new Response(null, { status, headers })
}

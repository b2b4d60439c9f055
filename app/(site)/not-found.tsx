import Link from 'next/link'

export default function NotFound() {
  return (
    <section className="empty">
      <span className="eyebrow">404</span>
      <h1>This page is not on the rounds</h1>
      <p>The address may be mistyped, or the page has moved.</p>
      <p>
        <Link href="/">Go to the home page</Link> · <Link href="/doctors">Browse doctors</Link>
      </p>
    </section>
  )
}

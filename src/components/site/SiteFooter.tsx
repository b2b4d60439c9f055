import Link from 'next/link'

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="wrap site-footer__inner">
        <p>© {new Date().getFullYear()} Rounds · A professional network for doctors</p>
        <nav aria-label="Footer">
          <ul>
            <li>
              <Link href="/doctors">Doctors</Link>
            </li>
            <li>
              <Link href="/learn">Learn</Link>
            </li>
            <li>
              <Link href="/forgot-password">Reset password</Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  )
}

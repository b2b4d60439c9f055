import Link from 'next/link'

/** The Rounds mark: a ward round drawn as a ring with a point on it. */
export function Logo() {
  return (
    <Link href="/" className="logo" aria-label="Rounds, home">
      <svg className="logo__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <circle cx="16" cy="16" r="11.5" fill="none" stroke="currentColor" strokeOpacity="0.18" strokeWidth="4" />
        <path d="M16 4.5a11.5 11.5 0 0 1 11.5 11.5" fill="none" stroke="#0f6f68" strokeWidth="4" strokeLinecap="round" />
        <circle cx="16" cy="16" r="3.2" fill="#0f6f68" />
      </svg>
      <span>Rounds</span>
    </Link>
  )
}

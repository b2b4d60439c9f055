'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

const LINKS = [
  { href: '/', label: 'Feed' },
  { href: '/learn', label: 'Learn' },
  { href: '/doctors', label: 'Doctors' },
  { href: '/messages', label: 'Messages', membersOnly: true },
]

/** Main navigation; marks the current section for assistive technology. */
export function NavLinks({ signedIn }: { signedIn: boolean }) {
  const pathname = usePathname() ?? '/'
  const current = (href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`))
  return (
    <nav className="site-nav" aria-label="Main">
      <ul>
        {LINKS.filter((link) => signedIn || !link.membersOnly).map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={current(link.href) ? 'page' : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useEffect, useId, useState } from 'react'

import { LogoutButton } from '../auth/LogoutButton'
import styles from './header.module.css'

const LINKS = [
  { href: '/', label: 'Feed' },
  { href: '/learn', label: 'Learn' },
  { href: '/doctors', label: 'Doctors' },
  { href: '/rooms', label: 'Rooms', membersOnly: true },
  { href: '/bookmarks', label: 'Bookmarks', membersOnly: true },
  { href: '/messages', label: 'Messages', membersOnly: true },
]

/**
 * Main navigation; marks the current section for assistive technology. On a phone it folds into a
 * Menu button (a disclosure) that also holds Log out, so the header stays one row.
 */
export function NavLinks({ signedIn }: { signedIn: boolean }) {
  const pathname = usePathname() ?? '/'
  const [open, setOpen] = useState(false)
  const id = useId()
  const current = (href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`))

  useEffect(() => setOpen(false), [pathname])
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false)
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [open])

  return (
    <>
      <button type="button" className={styles.menuToggle} aria-expanded={open} aria-controls={id} onClick={() => setOpen((v) => !v)}>
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          {open ? (
            <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          ) : (
            <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          )}
        </svg>
        <span>Menu</span>
      </button>
      <nav id={id} className={`site-nav ${styles.nav}`} aria-label="Main" data-open={open}>
        <ul>
          {LINKS.filter((link) => signedIn || !link.membersOnly).map((link) => (
            <li key={link.href}>
              <Link href={link.href} aria-current={current(link.href) ? 'page' : undefined}>
                {link.label}
              </Link>
            </li>
          ))}
          {signedIn ? (
            <li className={styles.menuOnly}>
              <LogoutButton className={styles.menuLogout} />
            </li>
          ) : null}
        </ul>
      </nav>
    </>
  )
}

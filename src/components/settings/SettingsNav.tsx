'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

const TABS = [
  { href: '/profile', label: 'Profile' },
  { href: '/settings/security', label: 'Two-factor' },
  { href: '/settings/sessions', label: 'Sessions' },
  { href: '/settings/accounts', label: 'Connected accounts' },
  { href: '/settings/notifications', label: 'Notifications' },
  { href: '/settings/verification', label: 'Licence verification' },
]

/** Tabs between the account's settings pages. */
export function SettingsNav() {
  const pathname = usePathname() ?? ''
  return (
    <nav className="settings-nav" aria-label="Account settings">
      <ul>
        {TABS.map((tab) => (
          <li key={tab.href}>
            <Link href={tab.href} aria-current={pathname === tab.href ? 'page' : undefined}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

import Link from 'next/link'

import { unreadCount } from '@/domain/notifications/feed'
import { getViewer, payloadInstance } from '@/lib/session'
import { LogoutButton } from '../auth/LogoutButton'
import { NotificationBell } from '../notifications/NotificationBell'
import { Avatar } from './Avatar'
import styles from './header.module.css'
import { Logo } from './Logo'
import { NavLinks } from './NavLinks'

type Props = { member: { name: string; honorific?: string | null; avatarUrl: string | null } | null }

/** The unread number the bell starts from; the bell keeps it current from then on. */
async function initialUnread(): Promise<number> {
  const viewer = await getViewer()
  if (!viewer) return 0
  try {
    return await unreadCount(await payloadInstance(), Number(viewer.id))
  } catch {
    return 0
  }
}

export async function SiteHeader({ member }: Props) {
  const unread = member ? await initialUnread() : 0
  return (
    <header className={`site-header ${styles.header}`}>
      <div className={`wrap site-header__bar ${styles.bar}`}>
        <Logo />
        <NavLinks signedIn={Boolean(member)} />
        <div className={`account ${styles.account}`}>
          <Link href="/search" className={styles.iconLink} aria-label="Search" title="Search">
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
              <circle cx="11" cy="11" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
              <path d="M16 16l4.5 4.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
          </Link>
          {member ? (
            <>
              <NotificationBell initial={unread} />
              <Link href="/profile" className="account__me">
                <Avatar name={member.name} src={member.avatarUrl} size={34} loading="eager" />
                <span className="account__text">
                  <span className="account__name">{member.honorific ? `${member.honorific} ${member.name}` : member.name}</span>
                  <span className="account__hint">My profile</span>
                </span>
              </Link>
              <span className={styles.wideOnly}>
                <LogoutButton className="button button--plain button--small" />
              </span>
            </>
          ) : (
            <>
              <Link href="/login" className="button button--plain button--small">
                Log in
              </Link>
              <Link href="/signup" className="button button--small">
                Join
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  )
}

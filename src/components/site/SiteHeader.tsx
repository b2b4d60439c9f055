import Link from 'next/link'

import { LogoutButton } from '../auth/LogoutButton'
import { Avatar } from './Avatar'
import { Logo } from './Logo'
import { NavLinks } from './NavLinks'

type Props = { member: { name: string; honorific?: string | null; avatarUrl: string | null } | null }

export function SiteHeader({ member }: Props) {
  return (
    <header className="site-header">
      <div className="wrap site-header__bar">
        <Logo />
        <NavLinks signedIn={Boolean(member)} />
        <div className="account">
          {member ? (
            <>
              <Link href="/profile" className="account__me">
                <Avatar name={member.name} src={member.avatarUrl} size={34} loading="eager" />
                <span className="account__text">
                  <span className="account__name">{member.honorific ? `${member.honorific} ${member.name}` : member.name}</span>
                  <span className="account__hint">My profile</span>
                </span>
              </Link>
              <LogoutButton className="button button--plain button--small" />
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

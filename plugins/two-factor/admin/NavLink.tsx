'use client'

import { Link, NavGroup, useConfig } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

import { MANAGE_PATH } from './api'

/** A nav entry (admin.components.afterNavLinks) to the staff member's own two-factor page. */
export function NavLink() {
  const { config } = useConfig()
  const pathname = usePathname()
  const href = formatAdminURL({ adminRoute: config.routes.admin, path: MANAGE_PATH })
  const active = pathname === href
  const label = (
    <>
      {active ? <div className="nav__link-indicator" /> : null}
      <span className="nav__link-label">Two-factor authentication</span>
    </>
  )
  return (
    <NavGroup label="Account">
      {active ? (
        <div className="nav__link" id="nav-two-factor" aria-current="page">
          {label}
        </div>
      ) : (
        <Link className="nav__link" href={href} id="nav-two-factor" prefetch={false}>
          {label}
        </Link>
      )}
    </NavGroup>
  )
}

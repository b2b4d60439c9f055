import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

import { MANAGE_PATH } from './api'
import { ManageTwoFactor } from './ManageTwoFactor'

/**
 * /admin/two-factor: the signed-in staff member's own two-factor status, recovery codes and remembered
 * devices. Custom views are public in Payload, so this one checks the session and panel access itself.
 */
export function ManageView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { locale, permissions, req, visibleEntities } = initPageResult
  const { payload, user } = req
  const { config } = payload
  const adminRoute = config.routes.admin
  if (!user) {
    const here = formatAdminURL({ adminRoute, path: MANAGE_PATH })
    redirect(`${formatAdminURL({ adminRoute, path: config.admin.routes.login })}?redirect=${encodeURIComponent(here)}`)
  }
  if (!permissions.canAccessAdmin) redirect(formatAdminURL({ adminRoute, path: config.admin.routes.unauthorized }))

  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={user}
      visibleEntities={visibleEntities}
    >
      <Gutter className="tf-manage">
        <h1>Two-factor authentication</h1>
        <ManageTwoFactor collectionAPI={`${config.routes.api}/${config.admin.user}`} />
      </Gutter>
    </DefaultTemplate>
  )
}

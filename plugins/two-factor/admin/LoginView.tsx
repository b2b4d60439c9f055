import { Logo } from '@payloadcms/next/rsc'
import { RenderServerComponent } from '@payloadcms/ui/elements/RenderServerComponent'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

import { LoginFlow } from './LoginFlow'
import { safeAdminRedirect } from './safeRedirect'

type Props = AdminViewServerProps & {
  /** Days "remember this device" lasts (0 hides the option); the plugin passes its option. */
  rememberDeviceDays?: number
}

/**
 * Replaces Payload's login view (admin.components.views.login) with one that asks for the second
 * factor. A login still waiting for its second factor is no user here, so the flow starts over.
 */
export function LoginView({ initPageResult, params, searchParams, rememberDeviceDays = 30 }: Props) {
  const { locale, permissions, req } = initPageResult
  const { i18n, payload, user } = req
  const { config } = payload
  const adminRoute = config.routes.admin
  const redirectParam = searchParams?.redirect
  const redirectTo = safeAdminRedirect(Array.isArray(redirectParam) ? redirectParam[0] : redirectParam, adminRoute, config.admin.routes.logout)
  if (user) redirect(redirectTo)

  const serverProps = { i18n, locale, params, payload, permissions, searchParams, user: user ?? undefined }
  return (
    <>
      <div className="login__brand">
        <Logo {...serverProps} />
      </div>
      {RenderServerComponent({ Component: config.admin.components?.beforeLogin, importMap: payload.importMap, serverProps })}
      <LoginFlow
        collectionAPI={`${config.routes.api}/${config.admin.user}`}
        redirectTo={redirectTo}
        forgotHref={formatAdminURL({ adminRoute, path: config.admin.routes.forgot })}
        rememberDeviceDays={rememberDeviceDays}
      />
      {RenderServerComponent({ Component: config.admin.components?.afterLogin, importMap: payload.importMap, serverProps })}
    </>
  )
}

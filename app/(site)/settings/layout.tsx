import { redirect } from 'next/navigation'
import type React from 'react'

import { SettingsNav } from '@/components/settings/SettingsNav'
import { getViewer } from '@/lib/session'

/** Account settings: only for a signed-in member. */
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer()
  if (!viewer) redirect('/login?next=/settings/security')
  return (
    <>
      <div className="page-head">
        <span className="eyebrow">Account</span>
        <h1>Settings</h1>
      </div>
      <SettingsNav />
      <div className="settings-body">{children}</div>
    </>
  )
}

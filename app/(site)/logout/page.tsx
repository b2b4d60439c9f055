import type { Metadata } from 'next'
import { redirect } from 'next/navigation'

import { LogoutButton } from '@/components/auth/LogoutButton'
import { getViewer } from '@/lib/session'

export const metadata: Metadata = { title: 'Log out' }

/** Logging out is a POST from this button, so that a link on another site cannot sign a member out. */
export default async function LogoutPage() {
  const viewer = await getViewer()
  if (!viewer) redirect('/')
  return (
    <div className="auth">
      <div className="page-head">
        <h1>Log out</h1>
        <p>You are signed in as {viewer.name}.</p>
      </div>
      <div className="card">
        <LogoutButton className="button button--block" label="Log out of Rounds" />
      </div>
    </div>
  )
}

import type { Metadata } from 'next'
import { redirect } from 'next/navigation'

import { SessionsList } from '@/components/settings/SessionsList'
import { listSessions, type SessionOwner } from '@/domain/identity/sessions/manage'
import { getViewer, payloadInstance } from '@/lib/session'

export const metadata: Metadata = { title: 'Sessions' }

/** Where the member is signed in, with a way to sign any of those sessions out. */
export default async function SessionsPage() {
  const viewer = await getViewer()
  if (!viewer) redirect('/login?next=/settings/sessions')
  const sessions = await listSessions(await payloadInstance(), viewer as unknown as SessionOwner)
  return (
    <section aria-labelledby="sessions-title">
      <div className="sessions__head">
        <h2 id="sessions-title">Where you are signed in</h2>
        <p className="muted">
          Each browser or app you signed in with has a session. If you do not recognise one, sign it out and change your
          password. Signing out takes effect at once.
        </p>
      </div>
      <SessionsList initial={sessions} renderedAt={Date.now()} />
    </section>
  )
}

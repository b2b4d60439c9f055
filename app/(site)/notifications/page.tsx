import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'

import { NotificationList } from '@/components/notifications/NotificationList'
import { notificationPage } from '@/domain/notifications/feed'
import { getViewer, payloadInstance } from '@/lib/session'

export const metadata: Metadata = { title: 'Notifications' }
export const dynamic = 'force-dynamic'

/** The member's notifications, newest activity first; kept current live. */
export default async function NotificationsPage() {
  const viewer = await getViewer()
  if (!viewer) redirect('/login?next=/notifications')
  const page = await notificationPage(await payloadInstance(), Number(viewer.id), { limit: 20 })
  return (
    <section aria-labelledby="notifications-title">
      <div className="page-head">
        <h1 id="notifications-title">Notifications</h1>
        <p>
          Replies, mentions, likes, new followers, messages and moderators&rsquo; decisions.{' '}
          <Link href="/settings/notifications">Choose what you are told about</Link>.
        </p>
      </div>
      <NotificationList initial={page} renderedAt={Date.now()} />
    </section>
  )
}

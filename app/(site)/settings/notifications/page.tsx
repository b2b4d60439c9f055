import type { Metadata } from 'next'
import { redirect } from 'next/navigation'

import { PreferencesForm } from '@/components/notifications/PreferencesForm'
import { readPreferences } from '@/domain/notifications/preferences'
import { getViewer, payloadInstance } from '@/lib/session'

export const metadata: Metadata = { title: 'Notification settings' }

/** Which notifications the member gets in the app and in the daily email. */
export default async function NotificationSettingsPage() {
  const viewer = await getViewer()
  if (!viewer) redirect('/login?next=/settings/notifications')
  const prefs = await readPreferences(await payloadInstance(), Number(viewer.id))
  return <PreferencesForm initial={prefs} />
}

import type { Metadata } from 'next'

import { TwoFactorSettings } from '@/components/settings/TwoFactorSettings'

export const metadata: Metadata = { title: 'Two-factor authentication' }

/** Two-factor settings. The settings layout has already sent signed-out visitors to log in. */
export default function SecuritySettingsPage() {
  return <TwoFactorSettings />
}

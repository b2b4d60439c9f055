import type { Field } from 'payload'

import { fieldSelfOrStaff, fieldSelfOrAdmin } from '@/access'
import { NOTIFICATION_TYPES, TYPE_LABELS } from '@/domain/notifications/types'

const channel = (name: 'inApp' | 'email', label: string): Field => ({
  name,
  label,
  type: 'group',
  fields: NOTIFICATION_TYPES.map((type) => ({ name: type, label: TYPE_LABELS[type].label, type: 'checkbox', defaultValue: true })),
})

/**
 * A member's notification settings on their user row, one boolean column per channel and type, so the
 * listener and the digest check them in the statement that writes or reads notifications. Private to
 * the member (and staff, who may need to explain why someone got no email).
 */
export const notificationPreferencesField: Field = {
  name: 'notificationPreferences',
  type: 'group',
  access: { read: fieldSelfOrStaff, update: fieldSelfOrAdmin },
  admin: { description: 'In the app (the bell) and in the daily email digest, per kind of notification.' },
  fields: [channel('inApp', 'In the app'), channel('email', 'In the daily email digest')],
}

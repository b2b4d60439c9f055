import type { CollectionConfig } from 'payload'

import { nobody } from '@/access'
import { NOTIFICATION_TYPES } from '@/domain/notifications/types'
import { ownRows } from './access'
import { notificationEndpoints } from './endpoints'

/**
 * What a member is told about others' activity: one row per recipient, type and subject
 * (`subjectKey`: `post:12`, `comment:40`, `conversation:7`, or `member` for follows), so "Ana and 4
 * others liked your post" is one row whose actor is the latest and whose counts grow, moved back to
 * unread on each new actor. Written only by the activity listener (src/domain/notifications) in the
 * transaction of the change; the unique index makes simultaneous events land on the same row.
 * Recipients read their own and mark them read through POST /api/notifications/read.
 */
export const Notifications: CollectionConfig = {
  slug: 'notifications',
  labels: { singular: 'Notification', plural: 'Notifications' },
  admin: { defaultColumns: ['recipient', 'type', 'actor', 'actorCount', 'readAt', 'activityAt'], group: 'Social' },
  access: { read: ownRows('recipient'), create: nobody, update: nobody, delete: nobody },
  defaultSort: '-activityAt',
  endpoints: notificationEndpoints,
  indexes: [
    { fields: ['recipient', 'type', 'subjectKey'], unique: true },
    // The page, newest activity first (keyset), and the unread badge (an index range over unread rows only).
    { fields: ['recipient', 'activityAt'] },
    { fields: ['recipient', 'readAt'] },
    // The daily digest: unread rows with recent activity.
    { fields: ['readAt', 'activityAt'] },
  ],
  fields: [
    // Not required: deleting a member sets it to null (Payload's foreign keys) instead of failing.
    { name: 'recipient', type: 'relationship', relationTo: 'users', maxDepth: 0 },
    { name: 'type', type: 'select', required: true, options: [...NOTIFICATION_TYPES] },
    { name: 'subjectKey', type: 'text', required: true, maxLength: 40, admin: { description: 'What the row aggregates on, for example post:12.' } },
    { name: 'actor', type: 'relationship', relationTo: 'users', maxDepth: 1, admin: { description: 'The latest member who acted; empty for moderation decisions.' } },
    { name: 'actorCount', type: 'number', defaultValue: 1, admin: { description: 'Distinct members who acted on this subject.' } },
    { name: 'eventCount', type: 'number', defaultValue: 1, admin: { description: 'Events aggregated here (comments, messages, likes, decisions).' } },
    { name: 'post', type: 'relationship', relationTo: 'posts', maxDepth: 0 },
    { name: 'comment', type: 'relationship', relationTo: 'comments', maxDepth: 0, admin: { description: 'The latest comment involved (reply, comment, mention).' } },
    { name: 'conversation', type: 'relationship', relationTo: 'conversations', maxDepth: 0 },
    { name: 'detail', type: 'text', maxLength: 40, admin: { description: 'The reaction kind, or the new moderation state.' } },
    { name: 'activityAt', type: 'date', required: true, admin: { description: 'When the row last changed by new activity.' } },
    { name: 'readAt', type: 'date' },
  ],
  timestamps: true,
}

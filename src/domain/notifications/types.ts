/**
 * The kinds of notification a member receives, in the order the settings page lists them. `comment`
 * is a comment on your post, `reply` a reply to your comment, `moderation` a staff decision on your post,
 * `verification` a decision on your licence verification.
 */
export const NOTIFICATION_TYPES = ['reply', 'comment', 'mention', 'reaction', 'follow', 'message', 'moderation', 'certificate', 'verification'] as const
export type NotificationType = (typeof NOTIFICATION_TYPES)[number]

export const TYPE_LABELS: Record<NotificationType, { label: string; hint: string }> = {
  reply: { label: 'Replies', hint: 'Someone replies to your comment' },
  comment: { label: 'Comments on your posts', hint: 'Someone comments on a post of yours' },
  mention: { label: 'Mentions', hint: 'Someone mentions you with @handle' },
  reaction: { label: 'Likes and upvotes', hint: 'Someone likes or upvotes your post or comment' },
  follow: { label: 'New followers', hint: 'Someone starts following you' },
  message: { label: 'Messages', hint: 'Someone sends you a direct message' },
  moderation: { label: 'Moderation decisions', hint: 'Moderators hide, hold, remove or restore your post' },
  certificate: { label: 'Certificates', hint: 'You earn a certificate by completing a course' },
  verification: { label: 'Licence verification', hint: 'Your licence is verified, not approved, revoked or expired' },
}

/** Per channel, per type: on or off. Everything is on until the member turns it off. */
export type NotificationPreferences = {
  inApp: Record<NotificationType, boolean>
  email: Record<NotificationType, boolean>
}
export const CHANNELS = ['inApp', 'email'] as const
export type Channel = (typeof CHANNELS)[number]

/** The column of users holding a preference (Payload names a nested group field's column by its path). */
export const preferenceColumn = (channel: Channel, type: NotificationType) =>
  `notification_preferences_${channel === 'inApp' ? 'in_app' : 'email'}_${type}`

/** Realtime events (src/realtime/hub.ts) that tell the member's open pages the unread number changed. */
export const LIVE_EVENTS = { bumped: 'notification', read: 'notifications.read' } as const

import type { NotificationType } from './types'

/** What the page and the digest need to put a notification into words and a link. */
export type Describable = {
  type: NotificationType
  subjectKey: string
  actor: { name: string; honorific: string | null; handle: string | null } | null
  actorCount: number
  eventCount: number
  detail: string | null
  postId: number | null
  commentId: number | null
  conversationId: number | null
}

export const displayName = (actor: { name: string; honorific: string | null } | null) =>
  actor ? (actor.honorific ? `${actor.honorific} ${actor.name}` : actor.name) : 'A member'

/** "Ana", "Ana and 1 other", "Ana and 4 others". */
function who(n: Describable) {
  const name = displayName(n.actor)
  const others = Math.max(0, n.actorCount - 1)
  return others === 0 ? name : `${name} and ${others} ${others === 1 ? 'other' : 'others'}`
}

const MODERATION: Record<string, string> = {
  hidden: 'Moderators hid your post',
  removed: 'Moderators removed your post',
  held: 'Your post is held for review by moderators',
  visible: 'Your post is visible again after review',
}

const VERIFICATION: Record<string, string> = {
  approved: 'Your licence is verified',
  rejected: 'Your licence verification was not approved',
  revoked: 'Your verified status was revoked',
  expired: 'Your licence verification has expired',
}

/** One sentence: "Ana and 4 others liked your post". */
export function describe(n: Describable): string {
  const onComment = n.subjectKey.startsWith('comment:')
  switch (n.type) {
    case 'reply':
      return `${who(n)} replied to your comment`
    case 'comment':
      return `${who(n)} commented on your post`
    case 'mention':
      return `${who(n)} mentioned you in a comment`
    case 'reaction':
      return `${who(n)} ${n.detail === 'up' ? 'upvoted' : 'liked'} your ${onComment ? 'comment' : 'post'}`
    case 'follow':
      return `${who(n)} started following you`
    case 'message':
      if (n.actorCount > 1) return `${who(n)} sent you messages`
      return n.eventCount > 1 ? `${who(n)} sent you ${n.eventCount} messages` : `${who(n)} sent you a message`
    case 'moderation':
      return MODERATION[n.detail ?? ''] ?? 'Moderators reviewed your post'
    case 'certificate':
      return n.detail ? `You earned a certificate: ${n.detail}` : 'You earned a certificate'
    case 'verification':
      return VERIFICATION[n.detail ?? ''] ?? 'Your licence verification was reviewed'
  }
}

/** Where the notification leads on the site. */
export function linkOf(n: Describable): string {
  const post = n.postId ? `/posts/${n.postId}` : null
  switch (n.type) {
    case 'reply':
    case 'comment':
    case 'mention':
      return post ? (n.commentId ? `${post}#comment-${n.commentId}` : post) : '/notifications'
    case 'reaction':
      return post ? (n.subjectKey.startsWith('comment:') && n.commentId ? `${post}#comment-${n.commentId}` : post) : '/notifications'
    case 'follow':
      return n.actor?.handle ? `/doctors/${n.actor.handle}` : '/doctors'
    case 'message':
      return n.conversationId ? `/messages/${n.conversationId}` : '/messages'
    case 'moderation':
      return post ?? '/notifications'
    case 'certificate':
      return /^certificate:\d+$/.test(n.subjectKey) ? `/learn/certificates/${n.subjectKey.slice('certificate:'.length)}` : '/learn/certificates'
    case 'verification':
      return '/settings/verification'
  }
}

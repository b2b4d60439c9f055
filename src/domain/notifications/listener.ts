import { sql, type Db } from '@/db/sql'
import type { ActivityListener } from '@/domain/events/types'
import { addActorEvent, announce, setDecision } from './store'
import type { NotificationType } from './types'

/** Reactions worth telling the author about; a downvote is not. */
const TOLD_REACTIONS = new Set(['like', 'up'])

/**
 * Notifications for network activity, written in the transaction of the change (see store.ts for how
 * rows aggregate and why repeated events change nothing). Members are never told of their own
 * actions, of types they turned off, or of members on either side of a block.
 */
export const notifyMembers: ActivityListener = async (event, { db }) => {
  const told: { recipient: number; type: NotificationType }[] = []
  const tell = async (recipient: number | null, type: NotificationType, write: (recipient: number) => Promise<boolean>) => {
    if (recipient && (await write(recipient))) told.push({ recipient, type })
  }

  switch (event.type) {
    case 'comment.created': {
      const { author, post, comment, parentAuthor, postAuthor } = event
      // A reply tells the parent's author; the post's author hears of every comment unless that was the reply to them.
      if (event.parent && parentAuthor) {
        await tell(parentAuthor, 'reply', (r) => addActorEvent(db, { recipient: r, type: 'reply', subject: { key: `comment:${event.parent}`, post, comment }, actor: author, source: comment }))
      }
      if (postAuthor !== parentAuthor || !event.parent) {
        await tell(postAuthor, 'comment', (r) => addActorEvent(db, { recipient: r, type: 'comment', subject: { key: `post:${post}`, post, comment }, actor: author, source: comment }))
      }
      break
    }
    case 'mention': {
      const { source, by } = event
      for (const member of [...new Set(event.mentioned)].sort((a, b) => a - b)) {
        await tell(member, 'mention', (r) =>
          addActorEvent(db, {
            recipient: r,
            type: 'mention',
            subject: { key: `comment:${source.id}`, post: source.post, comment: source.id },
            actor: by,
            source: source.id,
            // Already told of this very comment as a reply or a comment on their post: once is enough.
            unless: sql`exists(select 1 from notifications x where x.recipient_id = ${r} and x.comment_id = ${source.id} and x.type in ('reply', 'comment'))`,
          }),
        )
      }
      break
    }
    case 'reaction.set': {
      if (!TOLD_REACTIONS.has(event.kind) || event.previous !== null) break
      const { target } = event
      const subject =
        target.collection === 'posts'
          ? { key: `post:${target.id}`, post: target.id }
          : { key: `comment:${target.id}`, post: await postOfComment(db, target.id), comment: target.id }
      await tell(event.targetAuthor, 'reaction', (r) => addActorEvent(db, { recipient: r, type: 'reaction', subject, actor: event.by, detail: event.kind }))
      break
    }
    case 'follow.created':
      await tell(event.following, 'follow', (r) => addActorEvent(db, { recipient: r, type: 'follow', subject: { key: 'member' }, actor: event.follower }))
      break
    case 'message.sent': {
      const subject = { key: `conversation:${event.conversation}`, conversation: event.conversation }
      // In id order, so two messages of one group lock the recipients' rows in the same order.
      for (const member of [...new Set(event.recipients)].sort((a, b) => a - b)) {
        await tell(member, 'message', (r) => addActorEvent(db, { recipient: r, type: 'message', subject, actor: event.sender, source: event.message }))
      }
      break
    }
    case 'post.moderated':
      // Staff acting on their own post need no notice; the moderator is not named.
      if (event.by === event.author) break
      await tell(event.author, 'moderation', (r) => setDecision(db, { recipient: r, type: 'moderation', subject: { key: `post:${event.post}`, post: event.post }, detail: event.to }))
      break
    case 'verification.decided':
      // One row per request, moved along as it is approved, then revoked or expired.
      await tell(event.user, 'verification', (r) =>
        setDecision(db, { recipient: r, type: 'verification', subject: { key: event.verification ? `licence-verification:${event.verification}` : 'verification' }, detail: event.decision }),
      )
      break
    default:
      break
  }
  if (told.length) await announce(db, told.map((t) => t.recipient))
}

async function postOfComment(db: Db, comment: number): Promise<number | null> {
  const { rows } = await db.execute(sql`select post_id from comments where id = ${comment}`)
  return rows[0] ? Number(rows[0].post_id) : null
}

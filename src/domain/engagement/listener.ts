import { query, sql, type Db } from '@/db/sql'
import type { ActivityEvent, ActivityListener } from '@/domain/events/types'
import { pay, setActive, withholdPost, type LedgerKey } from './ledger'
import { PAYING_REACTIONS } from './scoring'

/** A post whose moderation state is not `visible` earns nothing while it stays so. */
const withheldState = (moderation: string | null | undefined) => moderation !== 'visible'

async function postFacts(db: Db, post: number) {
  const [row] = await query<{ kind: string; moderation: string; original_author: number | null }>(
    db,
    sql`select p.kind, p.moderation, (select o.author_id from posts o where o.id = p.repost_of_id) as original_author
        from posts p where p.id = ${post}`,
  )
  return row
}

function reactionKey(event: Extract<ActivityEvent, { type: 'reaction.set' | 'reaction.removed' }>): LedgerKey | null {
  const author = event.targetAuthor
  if (!author || author === event.by) return null
  return { member: author, reason: 'reaction', source: `${event.target.collection}:${event.target.id}:by:${event.by}` }
}

async function reactionPaid(db: Db, event: Extract<ActivityEvent, { type: 'reaction.set' }>, key: LedgerKey) {
  const post = event.target.collection === 'posts' ? event.target.id : null
  const withheld = post ? withheldState((await postFacts(db, post))?.moderation) : false
  // A reaction taken back and given again is the same recognition: the row is restored, never paid twice.
  if ((await pay(db, key, { post, withheld })) === null) await setActive(db, key, true)
}

/**
 * Engagement points for network activity (see scoring.ts), written to the ledger in the transaction of
 * the change. Idempotent: every payment has a unique key, every reversal changes a row's state once.
 */
export const awardPoints: ActivityListener = async (event, { db }) => {
  switch (event.type) {
    case 'post.published': {
      const facts = await postFacts(db, event.post)
      if (!facts) return
      const repost = facts.kind === 'repost'
      if (repost && facts.original_author === event.author) return
      await pay(db, { member: event.author, reason: repost ? 'repost' : 'post', source: `posts:${event.post}` }, {
        post: event.post,
        withheld: withheldState(facts.moderation),
      })
      return
    }
    case 'post.moderated': {
      const hide = withheldState(event.to)
      if (hide === withheldState(event.from)) return
      await withholdPost(db, event.author, event.post, hide)
      return
    }
    case 'comment.created':
      if (event.author === event.postAuthor) return
      await pay(db, { member: event.author, reason: 'comment', source: `comments:${event.comment}` })
      return
    case 'reaction.set': {
      const key = reactionKey(event)
      if (!key) return
      const pays = PAYING_REACTIONS.has(event.kind)
      const paid = event.previous !== null && PAYING_REACTIONS.has(event.previous)
      if (pays && !paid) await reactionPaid(db, event, key)
      else if (!pays && paid) await setActive(db, key, false)
      return
    }
    case 'reaction.removed': {
      const key = reactionKey(event)
      if (key && PAYING_REACTIONS.has(event.kind)) await setActive(db, key, false)
      return
    }
    case 'follow.created':
      await pay(db, { member: event.following, reason: 'follower', source: `users:${event.follower}` })
      return
    default:
      return
  }
}

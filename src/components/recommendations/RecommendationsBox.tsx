import Link from 'next/link'

import { suggestedPeople, suggestedPosts, suggestionsFor } from '@/domain/recommendations/read'
import { payloadInstance, type Viewer } from '@/lib/session'
import { Avatar } from '../site/Avatar'
import { SuggestionActions } from './SuggestionActions'
import styles from './recommendations.module.css'

type Props = {
  viewer: Pick<Viewer, 'id' | 'verificationStatus' | 'tier' | 'roles'>
  kind: 'person' | 'post'
  limit?: number
}

const displayName = (m: { honorific: string | null; name: string }) => (m.honorific ? `${m.honorific} ${m.name}` : m.name)
const percent = (score: number) => `${Math.round(score * 100)}% match`

/**
 * "People you may know" or "Suggested posts" for the signed-in viewer, from the recommendations the
 * refresh job computed (one SQL statement), with Follow and Not interested buttons. Renders nothing
 * when there is nothing to suggest yet (the first visit queues a refresh).
 */
export async function RecommendationsBox({ viewer, kind, limit = 5 }: Props) {
  const payload = await payloadInstance()
  const member = { id: viewer.id, verificationStatus: viewer.verificationStatus, tier: viewer.tier, roles: viewer.roles }
  const docs = await suggestionsFor(payload, member, kind, Math.min(Math.max(limit, 1), 20))
  if (!docs.length) return null
  const titleId = `suggested-${kind}`
  return (
    <section className={`card ${styles.box}`} aria-labelledby={titleId}>
      <h2 id={titleId}>{kind === 'person' ? 'People you may know' : 'Suggested posts'}</h2>
      <ul className={styles.list}>
        {kind === 'person'
          ? (docs as Awaited<ReturnType<typeof suggestedPeople>>).map((s) => (
              <li key={s.id} className={styles.item}>
                <Avatar name={s.target.name} src={s.target.avatarUrl} size={44} />
                <div className={styles.body}>
                  {s.target.handle ? (
                    <Link href={`/doctors/${s.target.handle}`} className={styles.name}>
                      {displayName(s.target)}
                    </Link>
                  ) : (
                    <span className={styles.name}>{displayName(s.target)}</span>
                  )}
                  {s.target.title || s.target.specialty ? <p className={styles.meta}>{s.target.title || s.target.specialty}</p> : null}
                  <p className={styles.reasons}>
                    {s.reasons.join(' · ')}
                    <span className="visually-hidden"> ({percent(s.score)})</span>
                  </p>
                  <SuggestionActions suggestionId={s.id} followId={s.target.id} name={displayName(s.target)} />
                </div>
              </li>
            ))
          : (docs as Awaited<ReturnType<typeof suggestedPosts>>).map((s) => {
              const author = s.target.author
              const title = s.target.title || s.target.excerpt.split('\n')[0]?.slice(0, 80) || 'A post'
              return (
                <li key={s.id} className={styles.item}>
                  <Avatar name={author?.name ?? '?'} src={author?.avatarUrl} size={36} />
                  <div className={styles.body}>
                    <Link href={`/posts/${s.target.id}`} className={styles.name}>
                      {title}
                    </Link>
                    {author ? <p className={styles.meta}>by {displayName(author)}</p> : null}
                    {s.target.excerpt && s.target.title ? <p className={styles.excerpt}>{s.target.excerpt}</p> : null}
                    <p className={styles.reasons}>{s.reasons.join(' · ')}</p>
                    <SuggestionActions suggestionId={s.id} name={title} />
                  </div>
                </li>
              )
            })}
      </ul>
    </section>
  )
}

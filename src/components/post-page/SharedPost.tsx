import { AuthorLine } from './AuthorLine'
import styles from './post-page.module.css'
import { RelativeTime } from './RelativeTime'
import type { OriginalPost } from './types'

const EXCERPT = 600

/** The post a repost or quote shares, as a card that leads to it. */
export function SharedPost({ original, missing }: { original: OriginalPost | null; missing: boolean }) {
  if (!original) {
    return missing ? <p className={`${styles.shared} muted`}>The shared post is no longer available.</p> : null
  }
  const text = original.text && original.text.length > EXCERPT ? `${original.text.slice(0, EXCERPT).trimEnd()}…` : original.text
  return (
    <div className={styles.shared}>
      {original.author ? (
        <AuthorLine author={original.author} size={32}>
          <span className={styles.meta}>
            <RelativeTime iso={original.createdAt} />
          </span>
        </AuthorLine>
      ) : null}
      {original.title ? <p className={styles.sharedTitle}>{original.title}</p> : null}
      {text ? <p className={styles.sharedText}>{text}</p> : null}
      {original.image ? <img className={styles.sharedImage} src={original.image.url} alt={original.image.alt} loading="lazy" decoding="async" /> : null}
      <a className={styles.sharedLink} href={`/posts/${original.id}`}>
        Open the original post
      </a>
    </div>
  )
}

import { Avatar } from '@/components/site/Avatar'
import { VerifiedIcon } from '@/components/site/icons'
import type { CardAuthor } from '@/domain/social/postCards'
import { authorName } from '../post-page/authorName'
import styles from './posts.module.css'

/** Avatar, name (to the profile), verified mark and specialty; `children` adds a line (the time). */
export function AuthorBlock({ author, size = 44, children }: { author: CardAuthor | null; size?: number; children?: React.ReactNode }) {
  if (!author) {
    return (
      <div className={styles.author}>
        <Avatar name="?" size={size} />
        <div className={styles.authorText}>
          <span className={styles.authorName}>Former member</span>
          {children}
        </div>
      </div>
    )
  }
  const name = authorName(author)
  const about = [author.specialty, author.title].filter(Boolean).join(' · ')
  return (
    <div className={styles.author}>
      <Avatar name={author.name} src={author.avatarUrl} size={size} />
      <div className={styles.authorText}>
        <span className={styles.authorName}>
          {author.handle ? <a href={`/doctors/${author.handle}`}>{name}</a> : name}
          {author.verified ? (
            <span className={styles.verified} title="Verified doctor">
              <VerifiedIcon />
              <span className="visually-hidden">Verified doctor</span>
            </span>
          ) : null}
        </span>
        {about ? <span className={styles.about}>{about}</span> : null}
        {children}
      </div>
    </div>
  )
}

import { Avatar } from '@/components/site/Avatar'
import { VerifiedIcon } from '@/components/site/icons'
import { authorName } from './authorName'
import styles from './post-page.module.css'
import type { AuthorCard } from './types'

/** Avatar, name (to the profile), verified mark and what they do. */
export function AuthorLine({ author, size = 48, children }: { author: AuthorCard; size?: number; children?: React.ReactNode }) {
  const name = authorName(author)
  const about = [author.specialty, author.title].filter(Boolean).join(' · ')
  return (
    <div className={styles.author}>
      <Avatar name={author.name} src={author.avatarUrl} size={size} loading="eager" />
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
        {about ? <span className={styles.authorAbout}>{about}</span> : null}
        {children}
      </div>
    </div>
  )
}

import { videoEmbed } from '../post-page/video'
import type { CardImage, CardLink, CardOriginal } from '@/domain/social/postCards'
import { AuthorBlock } from './AuthorBlock'
import styles from './posts.module.css'

const GALLERY_SHOWN = 4

/** One image large, or a grid of up to four with "+n" on the last; each opens the full image. */
export function PostImages({ images, postHref }: { images: CardImage[]; postHref: string }) {
  if (!images.length) return null
  if (images.length === 1) {
    const [m] = images
    return (
      <figure className={styles.imageSingle}>
        <a href={m.fullUrl} target="_blank" rel="noopener" aria-label={`Open the image in full size${m.alt ? `: ${m.alt}` : ''}`}>
          <img
            src={m.url}
            srcSet={`${m.url} 640w, ${m.wideUrl} 1280w`}
            sizes="(min-width: 48rem) 40rem, 100vw"
            alt={m.alt}
            width={m.width ?? undefined}
            height={m.height ?? undefined}
            loading="lazy"
            decoding="async"
          />
        </a>
      </figure>
    )
  }
  const shown = images.slice(0, GALLERY_SHOWN)
  const hidden = images.length - shown.length
  return (
    <ul className={styles.gallery} aria-label={`Gallery of ${images.length} images`}>
      {shown.map((m, i) => {
        const more = hidden > 0 && i === shown.length - 1
        return (
          <li key={m.id}>
            <a
              href={more ? postHref : m.fullUrl}
              target={more ? undefined : '_blank'}
              rel={more ? undefined : 'noopener'}
              aria-label={more ? `See all ${images.length} images` : `Open image ${i + 1} in full size${m.alt ? `: ${m.alt}` : ''}`}
            >
              <img src={m.url} alt={m.alt} loading="lazy" decoding="async" />
            </a>
            {more ? <span className={styles.galleryMore} aria-hidden="true">+{hidden + 1}</span> : null}
          </li>
        )
      })}
    </ul>
  )
}

/** A YouTube or Vimeo player (loaded lazily), or the browser's own for a video file. */
export function PostVideo({ url, title }: { url: string | null; title: string }) {
  const embed = videoEmbed(url)
  if (!embed) return null
  return (
    <div className={styles.video}>
      {embed.kind === 'iframe' ? (
        <iframe
          src={embed.src}
          title={`${embed.provider} video: ${title}`}
          loading="lazy"
          allow="accelerometer; clipboard-write; encrypted-media; gyroscope; picture-in-picture; fullscreen"
          allowFullScreen
          referrerPolicy="strict-origin-when-cross-origin"
        />
      ) : (
        <video src={embed.src} controls preload="metadata" aria-label={`Video: ${title}`} />
      )}
    </div>
  )
}

/** The preview the server read from a linked page. */
export function LinkCard({ link }: { link: CardLink | null }) {
  if (!link) return null
  let host = ''
  try {
    const u = new URL(link.url)
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null
    host = u.hostname.replace(/^www\./, '')
  } catch {
    return null
  }
  const image = link.imageUrl && /^https:\/\//.test(link.imageUrl) ? link.imageUrl : null
  return (
    <a className={`${styles.linkCard} ${image ? styles.hasImage : ''}`} href={link.url} target="_blank" rel="nofollow ugc noopener noreferrer">
      {image ? <img src={image} alt="" loading="lazy" decoding="async" referrerPolicy="no-referrer" /> : null}
      <span className={styles.linkText}>
        <span className={styles.linkSite}>{link.siteName || host}</span>
        <span className={styles.linkTitle}>{link.title || link.url}</span>
        {link.description ? <span className={styles.linkDescription}>{link.description}</span> : null}
      </span>
    </a>
  )
}

/** The post a repost or quote shares, leading to it. */
export function OriginalPost({ original, missing }: { original: CardOriginal | null; missing: boolean }) {
  if (!original) return missing ? <p className={`${styles.original} muted`}>The shared post is no longer available.</p> : null
  return (
    <div className={styles.original}>
      {original.author ? <AuthorBlock author={original.author} size={32} /> : null}
      {original.title ? <p className={styles.title}>{original.title}</p> : null}
      {original.text ? <p className={styles.text}>{original.text}</p> : null}
      {original.image ? <img src={original.image.url} alt={original.image.alt} loading="lazy" decoding="async" /> : null}
      <a href={`/posts/${original.id}`} className={styles.more}>
        Open the original post
      </a>
    </div>
  )
}

const CARD_LABELS: Record<string, string> = { course: 'Course', deal: 'Deal', ama: 'Ask me anything', event: 'Event' }

/** A course, deal, AMA or event the post presents: a labelled link for now. */
export function FeatureCard({ card, postHref }: { card: { kind: string; ref: string } | null; postHref: string }) {
  if (!card) return null
  const label = CARD_LABELS[card.kind] ?? card.kind
  return (
    <a className={styles.cardLink} href={postHref}>
      <span className={styles.cardKind}>{label}</span>
      <span>{card.ref}</span>
    </a>
  )
}

import { mediaUrl } from '@/lib/media'
import type { Media, Post } from '../../../payload-types'
import styles from './post-page.module.css'
import { videoEmbed } from './video'

/** The post's images: one large, or a gallery grid; each opens the full image. */
export function PostImages({ media }: { media: Post['media'] }) {
  const images = (media ?? []).filter((m): m is Media => typeof m === 'object' && m !== null && Boolean(m.url))
  if (!images.length) return null
  const single = images.length === 1
  return (
    <ul className={single ? styles.imageSingle : styles.gallery} aria-label={single ? 'Image' : `Gallery of ${images.length} images`}>
      {images.map((m, i) => {
        const size = single ? 'wide' : 'card'
        const sized = (m.sizes as Record<string, { width?: number | null; height?: number | null } | undefined> | undefined)?.[size]
        return (
          <li key={m.id}>
            <a href={m.url!} target="_blank" rel="noopener" aria-label={`Open image ${i + 1}${m.alt ? `: ${m.alt}` : ''} in full size`}>
              <img
                src={mediaUrl(m, size)!}
                alt={m.alt ?? ''}
                width={sized?.width ?? m.width ?? undefined}
                height={sized?.height ?? m.height ?? undefined}
                loading={i === 0 ? 'eager' : 'lazy'}
                decoding="async"
              />
            </a>
          </li>
        )
      })}
    </ul>
  )
}

/** A YouTube or Vimeo player, or the browser's own for a video file. */
export function PostVideo({ url, title }: { url: string | null | undefined; title: string }) {
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

/** The preview the server read from a link post's page. */
export function LinkCard({ link }: { link: Post['link'] }) {
  if (!link?.url) return null
  let host = ''
  let safe = false
  try {
    const u = new URL(link.url)
    host = u.hostname.replace(/^www\./, '')
    safe = u.protocol === 'https:' || u.protocol === 'http:'
  } catch {
    /* shown as text below */
  }
  if (!safe) return <p className="muted">{link.url}</p>
  const image = link.imageUrl && /^https:\/\//.test(link.imageUrl) ? link.imageUrl : null
  return (
    <a className={styles.linkCard} href={link.url} target="_blank" rel="nofollow ugc noopener noreferrer">
      {image ? <img src={image} alt="" loading="lazy" decoding="async" referrerPolicy="no-referrer" /> : null}
      <span className={styles.linkText}>
        <span className={styles.linkSite}>{link.siteName || host}</span>
        <span className={styles.linkTitle}>{link.title || link.url}</span>
        {link.description ? <span className={styles.linkDescription}>{link.description}</span> : null}
      </span>
    </a>
  )
}

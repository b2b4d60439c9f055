import type { Media } from '../../payload-types'

export type ImageSize = 'thumbnail' | 'card' | 'wide'

/** The URL of an image size when it was generated (small uploads skip larger sizes), else the original. */
export function mediaUrl(media: Media | number | null | undefined, size: ImageSize): string | null {
  if (!media || typeof media !== 'object') return null
  const sized = (media.sizes as Record<string, { url?: string | null } | undefined> | undefined)?.[size]?.url
  return sized || media.url || null
}

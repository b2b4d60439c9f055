export type VideoEmbed = { kind: 'iframe'; src: string; provider: 'YouTube' | 'Vimeo' } | { kind: 'file'; src: string }

/**
 * How to play a post's video link (already checked by the server when stored: https YouTube, Vimeo, or a
 * direct .mp4/.webm file). YouTube plays from its no-cookie domain.
 */
export function videoEmbed(value: string | null | undefined): VideoEmbed | null {
  if (!value) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  if (url.protocol !== 'https:') return null
  const host = url.hostname.toLowerCase().replace(/^(www|m)\./, '')
  if (host === 'youtu.be' || host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const id = host === 'youtu.be' ? url.pathname.slice(1) : url.pathname === '/watch' ? url.searchParams.get('v') : url.pathname.split('/')[2]
    return id && /^[\w-]{6,20}$/.test(id) ? { kind: 'iframe', src: `https://www.youtube-nocookie.com/embed/${id}`, provider: 'YouTube' } : null
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const id = url.pathname.match(/(\d{5,12})/)?.[1]
    return id ? { kind: 'iframe', src: `https://player.vimeo.com/video/${id}`, provider: 'Vimeo' } : null
  }
  return /\.(mp4|webm)$/i.test(url.pathname) ? { kind: 'file', src: url.href } : null
}

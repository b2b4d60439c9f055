type Props = { name: string; src?: string | null; size?: number; loading?: 'lazy' | 'eager' }

const initials = (name: string) =>
  name
    .replace(/^(dr|prof)\.?\s+/i, '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('') || '?'

/** A member's photo, or their initials on a teal disc when they have none. */
export function Avatar({ name, src, size = 40, loading = 'lazy' }: Props) {
  const style = { width: size, height: size, fontSize: Math.round(size * 0.38) }
  if (src) {
    return <img className="avatar" src={src} alt="" width={size} height={size} style={style} loading={loading} decoding="async" />
  }
  return (
    <span className="avatar" style={style} aria-hidden="true">
      {initials(name)}
    </span>
  )
}

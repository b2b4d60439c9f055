import { Fragment } from 'react'

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A comment's text with `@handle` as a link to that doctor's profile, for the members the server
 * resolved when storing it (`mentions`): an @word that names nobody stays plain text.
 */
export function CommentBody({ body, mentions }: { body: string; mentions: string[] }) {
  if (!mentions.length) return <>{body}</>
  const pattern = new RegExp(`(^|[^\\w@/.])@(${mentions.map(escape).join('|')})(?![\\w-])`, 'gi')
  const parts: React.ReactNode[] = []
  let last = 0
  for (const match of body.matchAll(pattern)) {
    const start = match.index + match[1].length
    parts.push(body.slice(last, start))
    const handle = match[2].toLowerCase()
    parts.push(
      <a key={start} href={`/doctors/${handle}`} className="mention">
        @{match[2]}
      </a>,
    )
    last = start + 1 + match[2].length
  }
  parts.push(body.slice(last))
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>{p}</Fragment>
      ))}
    </>
  )
}

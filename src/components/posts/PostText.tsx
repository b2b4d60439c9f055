import { Fragment } from 'react'

import styles from './posts.module.css'

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi

/** Plain text with its web addresses as links (marked as members' content), line breaks kept. */
export function PostText({ text, moreHref }: { text: string; moreHref?: string }) {
  if (!text) return null
  const parts: React.ReactNode[] = []
  let last = 0
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const at = match.index ?? 0
    parts.push(<Fragment key={`t${at}`}>{text.slice(last, at)}</Fragment>)
    parts.push(
      <a key={`a${at}`} href={match[0]} target="_blank" rel="nofollow ugc noopener noreferrer">
        {match[0].replace(/^https?:\/\/(www\.)?/, '')}
      </a>,
    )
    last = at + match[0].length
  }
  parts.push(<Fragment key="end">{text.slice(last)}</Fragment>)
  return (
    <p className={styles.text}>
      {parts}
      {moreHref ? (
        <>
          {' '}
          <a className={styles.more} href={moreHref}>
            Read more
          </a>
        </>
      ) : null}
    </p>
  )
}

/** The first web address in a text, as a member would paste it. */
export function firstUrl(text: string): string | null {
  const match = text.match(URL_IN_TEXT)
  return match ? match[0] : null
}

import type { Segment } from '@/domain/search/types'
import styles from './search.module.css'

/** A snippet from the server: its matched words marked. Text only, never injected markup. */
export function Snippet({ segments }: { segments: Segment[] }) {
  if (!segments.length) return null
  return (
    <p className={styles.snippet}>
      {segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </p>
  )
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Marks the query's words (and their beginnings, for names found despite a typo) in a short text such
 * as a name or a title. Plain text in, React nodes out.
 */
export function Highlight({ text, query }: { text: string; query: string }) {
  const words = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2)
    .map((w) => escape(w.slice(0, Math.max(2, Math.min(w.length, 4)))))
  if (!words.length) return <>{text}</>
  const pattern = new RegExp(`((?:${words.join('|')})[\\p{L}\\p{N}]*)`, 'giu')
  const parts = text.split(pattern)
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}
    </>
  )
}

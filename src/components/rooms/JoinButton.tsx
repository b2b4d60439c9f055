'use client'

import { useRouter } from 'next/navigation'
import { useRef, useState } from 'react'

import { api } from '../forms/api'
import styles from './rooms.module.css'

type Props = {
  roomId: number
  name: string
  joined: boolean
  memberCount: number
  signedIn: boolean
  /** Owners cannot leave their channel. */
  owner?: boolean
  /** Re-render the page after a change (the room page shows the composer to members). */
  refresh?: boolean
}

const members = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'member' : 'members'}`

/** Join or leave, shown at once and put back if the server refuses; the count follows the server's. */
export function JoinButton({ roomId, name, joined: initial, memberCount, signedIn, owner, refresh }: Props) {
  const router = useRouter()
  const [joined, setJoined] = useState(initial)
  const [count, setCount] = useState(memberCount)
  const [error, setError] = useState('')
  const busy = useRef(false)

  async function toggle() {
    if (busy.current) return
    busy.current = true
    setError('')
    const next = !joined
    setJoined(next)
    setCount((c) => Math.max(0, c + (next ? 1 : -1)))
    const res = await api<{ memberCount: number }>(`/api/rooms/${roomId}/${next ? 'join' : 'leave'}`, { method: 'POST' })
    busy.current = false
    if (!res.ok || !res.data) {
      setJoined(!next)
      setCount(memberCount)
      return setError(res.messages[0] ?? 'That did not work. Try again.')
    }
    setCount(res.data.memberCount)
    if (refresh) router.refresh()
  }

  return (
    <div className={styles.join}>
      <span className={styles.count}>{members(count)}</span>
      {!signedIn ? (
        <a className="button button--quiet button--small" href={`/login?next=${encodeURIComponent(typeof window === 'undefined' ? '/rooms' : window.location.pathname)}`}>
          Log in to join
        </a>
      ) : owner ? (
        <span className="badge badge--verified">You own this channel</span>
      ) : (
        <button type="button" className={`button button--small ${joined ? 'button--quiet' : ''}`} aria-pressed={joined} onClick={toggle}>
          {joined ? 'Leave' : 'Join'}
          <span className="visually-hidden"> {name}</span>
        </button>
      )}
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}

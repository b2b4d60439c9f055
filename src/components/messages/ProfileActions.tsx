'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { api } from '../forms/api'
import { FormAlert, Messages } from '../forms/FormAlert'

type Props = {
  userId: number
  name: string
  signedIn: boolean
  following: boolean
  blocking: boolean
  followers: number
  followingCount: number
}

/** Message, Follow/Unfollow and Block/Unblock on a doctor's profile. */
export function ProfileActions(props: Props) {
  const router = useRouter()
  const [following, setFollowing] = useState(props.following)
  const [blocking, setBlocking] = useState(props.blocking)
  const [followers, setFollowers] = useState(props.followers)
  const [busy, setBusy] = useState<string | null>(null)
  const [errors, setErrors] = useState<string[]>([])
  const next = typeof window === 'undefined' ? '' : window.location.pathname

  if (!props.signedIn) {
    return (
      <div className="profile-actions">
        <p className="profile-actions__counts muted">
          {followers} {followers === 1 ? 'follower' : 'followers'} · {props.followingCount} following
        </p>
        <a className="button" href={`/login?next=${encodeURIComponent(next || '/')}`}>
          Log in to follow or message
        </a>
      </div>
    )
  }

  async function run(key: string, work: () => Promise<void>) {
    setBusy(key)
    setErrors([])
    try {
      await work()
    } finally {
      setBusy(null)
    }
  }

  const message = () =>
    run('message', async () => {
      const res = await api<{ id: number }>('/api/conversations/start', { json: { participantIds: [props.userId] } })
      if (res.ok && res.data) router.push(`/messages/${res.data.id}`)
      else setErrors(res.messages)
    })

  const toggleFollow = () =>
    run('follow', async () => {
      const res = await api(`/api/users/${props.userId}/follow`, { method: following ? 'DELETE' : 'PUT' })
      if (!res.ok) return setErrors(res.messages)
      const changed = Boolean((res.data as { created?: boolean; removed?: boolean })?.[following ? 'removed' : 'created'])
      if (changed) setFollowers((n) => n + (following ? -1 : 1))
      setFollowing(!following)
    })

  const toggleBlock = () =>
    run('block', async () => {
      if (!blocking && !window.confirm(`Block ${props.name}? Neither of you will be able to follow or message the other.`)) return
      const res = await api(`/api/users/${props.userId}/block`, { method: blocking ? 'DELETE' : 'PUT' })
      if (!res.ok) return setErrors(res.messages)
      if (!blocking && following) {
        setFollowing(false)
        setFollowers((n) => Math.max(0, n - 1))
      }
      setBlocking(!blocking)
    })

  return (
    <div className="profile-actions">
      <p className="profile-actions__counts muted">
        {followers} {followers === 1 ? 'follower' : 'followers'} · {props.followingCount} following
      </p>
      <div className="profile-actions__buttons">
        {!blocking ? (
          <>
            <button type="button" className="button" onClick={message} disabled={busy !== null}>
              Message
            </button>
            <button type="button" className={`button ${following ? 'button--quiet' : ''}`} onClick={toggleFollow} disabled={busy !== null} aria-pressed={following}>
              {following ? 'Unfollow' : 'Follow'}
            </button>
          </>
        ) : null}
        <button type="button" className="button button--plain" onClick={toggleBlock} disabled={busy !== null}>
          {blocking ? 'Unblock' : 'Block'}
        </button>
      </div>
      <FormAlert>{errors.length ? <Messages messages={errors} /> : null}</FormAlert>
    </div>
  )
}

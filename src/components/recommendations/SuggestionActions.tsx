'use client'

import { useState } from 'react'

import { api } from '../forms/api'
import { FormAlert, Messages } from '../forms/FormAlert'
import styles from './recommendations.module.css'

type Props = {
  suggestionId: number
  /** The member to follow, for people suggestions. */
  followId?: number
  name: string
}

/**
 * Follow (people) and Dismiss buttons of one suggestion. A dismissed suggestion disappears; the
 * server never suggests it again.
 */
export function SuggestionActions({ suggestionId, followId, name }: Props) {
  const [state, setState] = useState<'idle' | 'busy' | 'followed' | 'dismissed'>('idle')
  const [errors, setErrors] = useState<string[]>([])

  async function run(work: () => Promise<{ ok: boolean; messages: string[] }>, done: 'followed' | 'dismissed') {
    setState('busy')
    setErrors([])
    const res = await work()
    if (res.ok) setState(done)
    else {
      setErrors(res.messages)
      setState('idle')
    }
  }

  if (state === 'dismissed') {
    return (
      <p className="muted" role="status">
        Hidden. We will not suggest it again.
      </p>
    )
  }
  return (
    <>
      <div className={styles.actions}>
        {followId ? (
          <button
            type="button"
            className="button button--small"
            disabled={state !== 'idle'}
            aria-pressed={state === 'followed'}
            onClick={() => run(() => api(`/api/users/${followId}/follow`, { method: 'PUT' }), 'followed')}
          >
            {state === 'followed' ? 'Following' : 'Follow'}
            <span className="visually-hidden"> {name}</span>
          </button>
        ) : null}
        {state !== 'followed' ? (
          <button
            type="button"
            className="button button--small button--quiet"
            disabled={state === 'busy'}
            onClick={() => run(() => api(`/api/recommendations/${suggestionId}/dismiss`, { method: 'POST' }), 'dismissed')}
          >
            Not interested<span className="visually-hidden"> in {name}</span>
          </button>
        ) : null}
      </div>
      <FormAlert tone="error">
        <Messages messages={errors} />
      </FormAlert>
    </>
  )
}

'use client'

import { forwardRef, useImperativeHandle, useRef, useState } from 'react'

import { api } from '@/components/forms/api'
import styles from './live.module.css'

export type ReactionsHandle = { float: (emoji: string) => void }
type Floating = { key: number; emoji: string; left: number }

/** Reaction buttons; every reaction of the audience floats up over the panel for a moment. */
export const Reactions = forwardRef<ReactionsHandle, { path: string; emojis: readonly string[]; canReact: boolean }>(function Reactions({ path, emojis, canReact }, ref) {
  const [floating, setFloating] = useState<Floating[]>([])
  const [notice, setNotice] = useState('')
  const seq = useRef(0)

  useImperativeHandle(ref, () => ({
    float(emoji: string) {
      const key = ++seq.current
      setFloating((list) => [...list.slice(-30), { key, emoji, left: 10 + Math.random() * 80 }])
      setTimeout(() => setFloating((list) => list.filter((f) => f.key !== key)), 2600)
    },
  }))

  async function send(emoji: string) {
    const res = await api(path, { json: { emoji } })
    setNotice(res.status === 429 ? 'Easy there: a few reactions at a time.' : res.ok ? '' : (res.messages[0] ?? ''))
  }

  return (
    <div className={styles.reactions}>
      <div className={styles.floatLayer} aria-hidden="true">
        {floating.map((f) => (
          <span key={f.key} className={styles.floating} style={{ left: `${f.left}%` }}>
            {f.emoji}
          </span>
        ))}
      </div>
      {canReact && (
        <div className={styles.reactionBar} role="group" aria-label="Send a reaction">
          {emojis.map((e) => (
            <button key={e} type="button" className={styles.reactionButton} onClick={() => send(e)} aria-label={`React ${e}`}>
              {e}
            </button>
          ))}
        </div>
      )}
      {notice && (
        <p className="muted" role="status">
          {notice}
        </p>
      )}
    </div>
  )
})

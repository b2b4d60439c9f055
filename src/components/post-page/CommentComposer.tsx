'use client'

import { useId, useState } from 'react'

import { Avatar } from '@/components/site/Avatar'
import { COMMENT_MAX } from './limits'
import styles from './post-page.module.css'
import type { Me } from './types'

type Props = {
  me: Me
  label: string
  placeholder: string
  submitLabel: string
  initial?: string
  autoFocus?: boolean
  onSubmit: (body: string) => void
  onCancel?: () => void
}

/**
 * A comment box: Enter adds a line, Ctrl/Cmd+Enter sends. The text is handed over and the box cleared
 * at once; the list shows the comment while it is being stored.
 */
export function CommentComposer(props: Props) {
  const [draft, setDraft] = useState(props.initial ?? '')
  const id = useId()
  const hintId = `${id}-hint`

  function submit(e?: React.FormEvent) {
    e?.preventDefault()
    const body = draft.trim()
    if (!body) return
    props.onSubmit(body)
    setDraft('')
  }

  return (
    <form className={styles.composer} onSubmit={submit}>
      <Avatar name={props.me.name} src={props.me.avatarUrl} size={36} />
      <div className={styles.composerMain}>
        <label htmlFor={id} className="visually-hidden">
          {props.label}
        </label>
        <textarea
          id={id}
          className={`textarea ${styles.composerInput}`}
          rows={2}
          maxLength={COMMENT_MAX}
          placeholder={props.placeholder}
          value={draft}
          autoFocus={props.autoFocus}
          aria-describedby={hintId}
          onChange={(e) => setDraft(e.target.value)}
          onFocus={(e) => {
            // Put the caret after a prefilled @handle.
            const el = e.currentTarget
            if (props.initial && el.value === props.initial) el.setSelectionRange(el.value.length, el.value.length)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
              e.preventDefault()
              submit()
            } else if (e.key === 'Escape' && props.onCancel) props.onCancel()
          }}
        />
        <div className={styles.composerBar}>
          <span id={hintId} className={styles.hint}>
            Mention a doctor with @handle.{draft.length > COMMENT_MAX - 500 ? ` ${COMMENT_MAX - draft.length} characters left.` : ''}
          </span>
          <span className={styles.composerButtons}>
            {props.onCancel ? (
              <button type="button" className="button button--plain button--small" onClick={props.onCancel}>
                Cancel
              </button>
            ) : null}
            <button type="submit" className="button button--small" disabled={!draft.trim()}>
              {props.submitLabel}
            </button>
          </span>
        </div>
      </div>
    </form>
  )
}

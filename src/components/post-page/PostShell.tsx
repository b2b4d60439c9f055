'use client'

import { useRouter } from 'next/navigation'
import { useRef, useState, type ReactNode } from 'react'

import { MAX_TEXT } from './limits'
import { api } from '../forms/api'
import { Field } from '../forms/Field'
import { FormAlert, Messages } from '../forms/FormAlert'
import styles from './post-page.module.css'
import { textToLexical } from './lexicalText'

type Props = {
  postId: number
  /** The author or staff: may edit the text and move the post to the trash. */
  canManage: boolean
  /** Whether the text can be edited here (not for reposts, nor drafts). */
  canEditText: boolean
  title: string
  text: string
  /** The body has formatting that plain-text editing would drop. */
  formatted: boolean
  header: ReactNode
  body: ReactNode
  children: ReactNode
}

/**
 * The post with its author's tools: "Edit" swaps the body for a form that saves a new published version
 * (the page then shows "Edited" and the history), "Delete" moves the post to the trash.
 */
export function PostShell(props: Props) {
  const router = useRouter()
  const [editing, setEditing] = useState(false)
  const [title, setTitle] = useState(props.title)
  const [text, setText] = useState(props.text)
  const [errors, setErrors] = useState<string[]>([])
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const [deleted, setDeleted] = useState(false)
  const [saved, setSaved] = useState('')
  const editButton = useRef<HTMLButtonElement>(null)

  function startEditing() {
    setTitle(props.title)
    setText(props.text)
    setErrors([])
    setFieldErrors({})
    setSaved('')
    setEditing(true)
  }

  function stopEditing() {
    setEditing(false)
    requestAnimationFrame(() => editButton.current?.focus())
  }

  async function save(e: React.FormEvent) {
    e.preventDefault()
    setSaving(true)
    setErrors([])
    setFieldErrors({})
    const res = await api(`/api/posts/${props.postId}?depth=0`, {
      method: 'PATCH',
      json: { title: title.trim() || null, body: textToLexical(text), _status: 'published' },
    })
    setSaving(false)
    if (!res.ok) {
      setErrors(res.messages)
      setFieldErrors(res.fieldErrors)
      return
    }
    setSaved('Your changes are published.')
    stopEditing()
    router.refresh()
  }

  async function remove() {
    if (!window.confirm('Delete this post? It disappears for everyone, with its comments.')) return
    setErrors([])
    const res = await api(`/api/posts/${props.postId}?depth=0`, { method: 'PATCH', json: { deletedAt: new Date().toISOString() } })
    if (!res.ok) return setErrors(res.messages.length ? res.messages : ['The post could not be deleted.'])
    setDeleted(true)
  }

  if (deleted) {
    return (
      <div className="card" role="status">
        <h1>Post deleted</h1>
        <p>The post and its comments are no longer shown to anyone.</p>
        <p>
          <a className="button" href="/">
            Back to Rounds
          </a>
        </p>
      </div>
    )
  }

  const bodyError = fieldErrors.body ?? fieldErrors.text
  return (
    <>
      <div className={styles.headRow}>
        {props.header}
        {props.canManage && !editing ? (
          <div className={styles.ownerTools}>
            {props.canEditText ? (
              <button ref={editButton} type="button" className="button button--plain button--small" onClick={startEditing}>
                Edit
              </button>
            ) : null}
            <button type="button" className="button button--plain button--small" onClick={remove}>
              Delete
            </button>
          </div>
        ) : null}
      </div>
      {editing ? (
        <form className={styles.editor} onSubmit={save} aria-label="Edit post">
          <Field label="Title" name="title" optional error={fieldErrors.title}>
            {(a) => <input {...a} className="input" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
          </Field>
          <Field
            label="Text"
            name="text"
            error={bodyError}
            hint={props.formatted ? 'Saving keeps your words but replaces formatting (bold, lists, links) with plain paragraphs.' : 'Readers will see that the post was edited, and its earlier version.'}
          >
            {(a) => <textarea {...a} className="textarea" rows={8} value={text} maxLength={MAX_TEXT} onChange={(e) => setText(e.target.value)} autoFocus />}
          </Field>
          <FormAlert>{errors.length ? <Messages messages={errors} /> : null}</FormAlert>
          <div className={styles.editorActions}>
            <button type="submit" className="button" disabled={saving}>
              {saving ? 'Saving…' : 'Save changes'}
            </button>
            <button type="button" className="button button--quiet" onClick={stopEditing} disabled={saving}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        props.body
      )}
      {!editing && errors.length ? <FormAlert>{<Messages messages={errors} />}</FormAlert> : null}
      <p className="visually-hidden" role="status">
        {saved}
      </p>
      {props.children}
    </>
  )
}

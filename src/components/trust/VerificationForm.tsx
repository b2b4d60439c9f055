'use client'

import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'

import { api } from '../forms/api'
import { Field } from '../forms/Field'
import { FormAlert, Messages } from '../forms/FormAlert'
import styles from './verification.module.css'

const MAX_BYTES = 10 * 1024 * 1024

/** Licence number, issuing body and the document, sent together to POST /api/licence-verifications/submit. */
export function VerificationForm({ initial, resubmit }: { initial: { licenceNumber: string; jurisdiction: string }; resubmit: boolean }) {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [messages, setMessages] = useState<string[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    const file = form.get('file')
    const fieldErrors: Record<string, string> = {}
    if (!(file instanceof File) || file.size === 0) fieldErrors.file = 'Attach your licence document.'
    else if (file.size > MAX_BYTES) fieldErrors.file = 'The document is larger than 10 MB.'
    if (Object.keys(fieldErrors).length) {
      setErrors(fieldErrors)
      return
    }
    const body = new FormData()
    body.append('_payload', JSON.stringify({ licenceNumber: String(form.get('licenceNumber') ?? ''), jurisdiction: String(form.get('jurisdiction') ?? '') }))
    body.append('file', file as File)
    setBusy(true)
    setMessages([])
    setErrors({})
    const res = await api('/api/licence-verifications/submit', { method: 'POST', body })
    setBusy(false)
    if (res.ok) {
      router.refresh()
      return
    }
    setErrors(res.status === 413 || res.status === 415 ? { file: res.messages[0] ?? 'This file is not accepted.' } : res.fieldErrors)
    setMessages(res.status === 413 || res.status === 415 ? [] : res.messages)
  }

  return (
    <form className={`card form ${styles.form}`} onSubmit={submit} aria-labelledby="verify-form-title" noValidate>
      <h2 id="verify-form-title">{resubmit ? 'Send your licence again' : 'Verify your licence'}</h2>
      <p className="muted">
        A moderator compares your document with the licence number and the body that issued it. Only you and the reviewers can open
        the document.
      </p>
      <div className="row row--2">
        <Field label="Licence number" name="licenceNumber" error={errors.licenceNumber}>
          {(p) => <input {...p} name="licenceNumber" className="input" required maxLength={64} defaultValue={initial.licenceNumber} autoComplete="off" />}
        </Field>
        <Field label="Issued by" name="jurisdiction" hint="Country or regulator, e.g. GMC (UK)." error={errors.jurisdiction}>
          {(p) => <input {...p} name="jurisdiction" className="input" required maxLength={120} defaultValue={initial.jurisdiction} />}
        </Field>
      </div>
      <Field label="Licence document" name="file" hint="A PDF, JPEG or PNG of at most 10 MB." error={errors.file}>
        {(p) => <input {...p} name="file" type="file" className="input" accept="application/pdf,image/jpeg,image/png" required />}
      </Field>
      <div className="form-actions">
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Sending…' : 'Send for review'}
        </button>
        <FormAlert>{messages.length ? <Messages messages={messages} /> : null}</FormAlert>
      </div>
    </form>
  )
}

/** Takes back the open request. */
export function WithdrawButton({ id }: { id: number }) {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  async function withdraw() {
    setBusy(true)
    const res = await api(`/api/licence-verifications/${id}/withdraw`, { method: 'POST' })
    setBusy(false)
    if (res.ok) router.refresh()
    else setMessage(res.messages[0] ?? 'Could not withdraw the request.')
  }
  return (
    <div className={styles.actions}>
      <button type="button" className="button button--quiet button--small" onClick={withdraw} disabled={busy}>
        Withdraw the request
      </button>
      <FormAlert>{message}</FormAlert>
    </div>
  )
}

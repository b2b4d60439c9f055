'use client'

import { useState, type FormEvent } from 'react'

import { api } from '../forms/api'
import { Field, focusFirstInvalid } from '../forms/Field'
import { FormAlert, Messages } from '../forms/FormAlert'

export function VerifyForm({ email: initialEmail }: { email: string }) {
  const [email, setEmail] = useState(initialEmail)
  const [busy, setBusy] = useState(false)
  const [sending, setSending] = useState(false)
  const [messages, setMessages] = useState<string[]>([])
  const [notice, setNotice] = useState<string | null>(null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const formEl = event.currentTarget
    const form = new FormData(formEl)
    const code = String(form.get('code') ?? '').replace(/\s+/g, '')
    setNotice(null)
    setMessages([])
    const local: Record<string, string> = {}
    if (!email.trim()) local.email = 'Enter the email address you signed up with.'
    if (!/^\d{6}$/.test(code)) local.code = 'The code has 6 digits.'
    setFieldErrors(local)
    if (Object.keys(local).length) return focusFirstInvalid(formEl)
    setBusy(true)
    const res = await api('/api/users/verify-code', { json: { email, code } })
    if (res.ok) {
      // A full load, so that every part of the page sees the new session.
      window.location.assign(res.data?.twoFactor ? '/login/two-factor?next=/profile' : '/profile')
      return
    }
    setBusy(false)
    setFieldErrors(res.fieldErrors)
    setMessages(res.messages)
    focusFirstInvalid(formEl)
  }

  async function resend() {
    setMessages([])
    setNotice(null)
    if (!email.trim()) return setFieldErrors({ email: 'Enter the email address you signed up with.' })
    setSending(true)
    const res = await api<{ message?: string }>('/api/users/resend-code', { json: { email } })
    setSending(false)
    if (res.ok) setNotice(res.data?.message ?? 'A new code is on its way.')
    else {
      setFieldErrors(res.fieldErrors)
      setMessages(res.messages)
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {initialEmail ? (
        <p className="muted">
          We sent a 6-digit code to <strong>{initialEmail}</strong>. It expires in 10 minutes.
        </p>
      ) : (
        <Field label="Email" name="email" error={fieldErrors.email}>
          {(p) => (
            <input {...p} name="email" type="email" className="input" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          )}
        </Field>
      )}
      <Field label="Verification code" name="code" error={fieldErrors.code} hint="6 digits, from the email we sent you.">
        {(p) => (
          <input
            {...p}
            name="code"
            className="input input--code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
            autoFocus
          />
        )}
      </Field>
      <FormAlert>{messages.length ? <Messages messages={messages} /> : null}</FormAlert>
      <FormAlert tone="ok">{notice}</FormAlert>
      <button type="submit" className="button button--block" disabled={busy}>
        {busy ? 'Checking…' : 'Confirm email'}
      </button>
      <button type="button" className="button button--quiet button--block" onClick={resend} disabled={sending}>
        {sending ? 'Sending…' : 'Send a new code'}
      </button>
    </form>
  )
}

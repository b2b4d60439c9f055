'use client'

import { useState, type FormEvent } from 'react'

import { api } from '../forms/api'
import { Field, focusFirstInvalid } from '../forms/Field'
import { FormAlert } from '../forms/FormAlert'

/** Always answers the same way, so the form cannot tell anyone who has an account. */
export function ForgotPasswordForm() {
  const [busy, setBusy] = useState(false)
  const [sentTo, setSentTo] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const formEl = event.currentTarget
    const email = String(new FormData(formEl).get('email') ?? '').trim()
    if (!/^\S+@\S+\.\S+$/.test(email)) {
      setError('Enter a valid email address.')
      return focusFirstInvalid(formEl)
    }
    setError(null)
    setBusy(true)
    const res = await api('/api/users/forgot-password', { json: { email } })
    setBusy(false)
    if (res.status === 0 || res.status >= 500) {
      setError(res.messages[0] ?? 'Try again in a moment.')
      return focusFirstInvalid(formEl)
    }
    setSentTo(email)
  }

  return (
    <>
      <FormAlert tone="ok">
        {sentTo ? (
          <>
            <p>
              If an account uses <strong>{sentTo}</strong>, we have sent it a link to choose a new password. The link works once,
              for 30 minutes.
            </p>
            <p>No email after a few minutes? Check your spam folder, or ask again later.</p>
          </>
        ) : null}
      </FormAlert>
      {sentTo ? null : (
        <form className="form" onSubmit={onSubmit} noValidate>
          <Field label="Email" name="email" error={error ?? undefined}>
            {(p) => <input {...p} name="email" type="email" className="input" autoComplete="email" required />}
          </Field>
          <button type="submit" className="button button--block" disabled={busy}>
            {busy ? 'Sending…' : 'Send reset link'}
          </button>
        </form>
      )}
    </>
  )
}

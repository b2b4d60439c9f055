'use client'

import Link from 'next/link'
import { useState, type FormEvent, type ReactNode } from 'react'

import { api } from '../forms/api'
import { Field, PasswordInput, focusFirstInvalid } from '../forms/Field'
import { FormAlert } from '../forms/FormAlert'

const MIN_PASSWORD = 12

export function ResetPasswordForm({ token }: { token: string }) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<ReactNode>(null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const formEl = event.currentTarget
    const form = new FormData(formEl)
    const password = String(form.get('password') ?? '')
    const confirm = String(form.get('confirm') ?? '')
    setProblem(null)
    const local: Record<string, string> = {}
    if (password.length < MIN_PASSWORD) local.password = `Use at least ${MIN_PASSWORD} characters.`
    else if (password !== confirm) local.confirm = 'The two passwords are not the same.'
    setFieldErrors(local)
    if (Object.keys(local).length) return focusFirstInvalid(formEl)
    setBusy(true)
    const res = await api('/api/users/reset-password', { json: { token, password } })
    if (res.ok) {
      // With two-factor on, the new session still waits for a code.
      window.location.assign(res.data?.twoFactor ? '/login/two-factor?next=/profile' : '/profile')
      return
    }
    setBusy(false)
    if (res.fieldErrors.password) {
      setFieldErrors({ password: res.fieldErrors.password })
      return focusFirstInvalid(formEl)
    }
    if (res.status === 403 || res.status === 400) {
      setProblem(
        <>
          <p>This reset link is not valid any more: it may have been used already, or it is older than 30 minutes.</p>
          <p>
            <Link href="/forgot-password">Ask for a new link</Link>
          </p>
        </>,
      )
    } else setProblem(<p>{res.messages[0]}</p>)
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <Field label="New password" name="password" error={fieldErrors.password} hint={`At least ${MIN_PASSWORD} characters; common passwords are refused.`}>
        {(p) => <PasswordInput {...p} name="password" autoComplete="new-password" required minLength={MIN_PASSWORD} maxLength={256} />}
      </Field>
      <Field label="New password, again" name="confirm" error={fieldErrors.confirm}>
        {(p) => <PasswordInput {...p} name="confirm" autoComplete="new-password" required />}
      </Field>
      <FormAlert>{problem}</FormAlert>
      <button type="submit" className="button button--block" disabled={busy}>
        {busy ? 'Saving…' : 'Set new password'}
      </button>
    </form>
  )
}

'use client'

import Link from 'next/link'
import { useState, type FormEvent, type ReactNode } from 'react'

import { safeNext } from '@/lib/safeNext'
import { api } from '../forms/api'
import { Field, PasswordInput } from '../forms/Field'
import { FormAlert } from '../forms/FormAlert'

export function LoginForm({ next }: { next?: string }) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<ReactNode>(null)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const email = String(form.get('email') ?? '').trim()
    const password = String(form.get('password') ?? '')
    if (!email || !password) return setProblem(<p>Enter your email and password.</p>)
    setProblem(null)
    setBusy(true)
    const res = await api<{ twoFactor?: { state?: string } }>('/api/users/login', { json: { email, password } })
    if (res.ok) {
      // The password was right but the session waits for a second factor (or for setting one up).
      if (res.data?.twoFactor) window.location.assign(`/login/two-factor?next=${encodeURIComponent(safeNext(next))}`)
      else window.location.assign(safeNext(next))
      return
    }
    setBusy(false)
    const message = res.messages[0] ?? Object.values(res.fieldErrors)[0] ?? ''
    if (res.status === 403) {
      setProblem(
        <>
          <p>Confirm your email address before logging in.</p>
          <p>
            <Link href={`/verify?email=${encodeURIComponent(email)}`}>Enter your code or get a new one</Link>
          </p>
        </>,
      )
    } else if (res.status === 401 && /locked/i.test(message)) {
      setProblem(
        <>
          <p>This account is locked for 15 minutes after too many failed attempts.</p>
          <p>
            <Link href="/forgot-password">Reset your password</Link> or try again later.
          </p>
        </>,
      )
    } else if (res.status === 401) {
      setProblem(<p>The email or password is not right.</p>)
    } else {
      setProblem(<p>{message || 'Logging in did not work. Try again.'}</p>)
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <Field label="Email" name="email">
        {(p) => <input {...p} name="email" type="email" className="input" autoComplete="username" required />}
      </Field>
      <Field label="Password" name="password" hint={<Link href="/forgot-password">Forgot your password?</Link>}>
        {(p) => <PasswordInput {...p} name="password" autoComplete="current-password" required />}
      </Field>
      <FormAlert>{problem}</FormAlert>
      <button type="submit" className="button button--block" disabled={busy}>
        {busy ? 'Logging in…' : 'Log in'}
      </button>
    </form>
  )
}

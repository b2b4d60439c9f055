'use client'

import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'

import { api } from '../forms/api'
import { Field, PasswordInput, focusFirstInvalid } from '../forms/Field'
import { FormAlert, Messages } from '../forms/FormAlert'

const MIN_PASSWORD = 12

export function SignupForm() {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [messages, setMessages] = useState<string[]>([])
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const formEl = event.currentTarget
    const form = new FormData(formEl)
    const name = String(form.get('name') ?? '').trim()
    const email = String(form.get('email') ?? '').trim()
    const password = String(form.get('password') ?? '')
    const honorific = String(form.get('honorific') ?? '') || undefined
    const local: Record<string, string> = {}
    if (name.length < 2) local.name = 'Enter your name.'
    if (!email) local.email = 'Enter your email address.'
    if (password.length < MIN_PASSWORD) local.password = `Use at least ${MIN_PASSWORD} characters.`
    setFieldErrors(local)
    setMessages([])
    if (Object.keys(local).length) return focusFirstInvalid(formEl)
    setBusy(true)
    const res = await api('/api/users/register', { json: { name, email, password, honorific } })
    if (res.status === 202) {
      router.push(`/verify?email=${encodeURIComponent(email)}`)
      return
    }
    setBusy(false)
    setFieldErrors(res.fieldErrors)
    setMessages(res.messages)
    focusFirstInvalid(formEl)
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <div className="row row--honorific">
        <Field label="Title" name="honorific" optional>
          {(p) => (
            <select {...p} name="honorific" className="select" defaultValue="">
              <option value="">None</option>
              <option>Dr</option>
              <option>Prof</option>
              <option>Mr</option>
              <option>Ms</option>
              <option>Mx</option>
            </select>
          )}
        </Field>
        <Field label="Full name" name="name" error={fieldErrors.name}>
          {(p) => <input {...p} name="name" className="input" autoComplete="name" required maxLength={120} />}
        </Field>
      </div>
      <Field label="Email" name="email" error={fieldErrors.email}>
        {(p) => <input {...p} name="email" type="email" className="input" autoComplete="email" required maxLength={254} />}
      </Field>
      <Field
        label="Password"
        name="password"
        error={fieldErrors.password}
        hint={`At least ${MIN_PASSWORD} characters. A short phrase is easier to remember than a jumble; common passwords are refused.`}
      >
        {(p) => <PasswordInput {...p} name="password" autoComplete="new-password" required minLength={MIN_PASSWORD} maxLength={256} />}
      </Field>
      <FormAlert>{messages.length ? <Messages messages={messages} /> : null}</FormAlert>
      <button type="submit" className="button button--block" disabled={busy}>
        {busy ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  )
}

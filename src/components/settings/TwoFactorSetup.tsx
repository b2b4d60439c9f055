'use client'

import { useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react'

import { api } from '../forms/api'
import { Field, focusFirstInvalid } from '../forms/Field'
import { FormAlert, Messages } from '../forms/FormAlert'

/** Where the two-factor plugin answers. */
export const TWO_FACTOR_API = '/api/users/two-factor'

export type TwoFactorStatus = {
  state: 'active' | 'verify' | 'enroll'
  enabled: boolean
  required: boolean
  enabledAt: string | null
  recoveryCodesRemaining: number
  rememberedDevices: number
}

export type TwoFactorSetupData = { secret: string; uri: string; qr: string }

/** The key in groups of four, the way authenticator apps show it, so it can be typed without losing one's place. */
export const groupSecret = (secret: string) => secret.replace(/\s+/g, '').match(/.{1,4}/g)?.join(' ') ?? secret

/**
 * A 6-digit code input: numeric keyboard on phones, the code offered by the phone's autofill, and
 * whatever is pasted ("123 456", "123-456") reduced to its digits.
 */
export function OneTimeCodeInput({
  value,
  onValue,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & { value: string; onValue: (v: string) => void }) {
  return (
    <input
      {...props}
      className="input input--code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      spellCheck={false}
      value={value}
      onChange={(e) => onValue(e.target.value.replace(/\D/g, '').slice(0, 6))}
    />
  )
}

type SetupProps = {
  setup: TwoFactorSetupData
  /** Called with the recovery codes once the code matched and two-factor is on. */
  onEnabled: (recoveryCodes: string[]) => void
  /** Asks for a fresh key (when the one shown has expired). */
  onRestart?: () => void
  intro?: ReactNode
  submitLabel?: string
}

/**
 * Step two of turning two-factor on: the QR code and the key as text for the authenticator app, then
 * the first code it shows, which proves the app has the key before the server switches it on.
 */
export function TwoFactorSetup({ setup, onEnabled, onRestart, intro, submitLabel = 'Turn on two-factor' }: SetupProps) {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [codeError, setCodeError] = useState<string | undefined>()
  const [messages, setMessages] = useState<ReactNode>(null)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const formEl = event.currentTarget
    setMessages(null)
    if (!/^\d{6}$/.test(code)) {
      setCodeError('Enter the 6-digit code your authenticator app shows for Rounds.')
      return focusFirstInvalid(formEl)
    }
    setCodeError(undefined)
    setBusy(true)
    const res = await api<{ recoveryCodes?: string[] }>(`${TWO_FACTOR_API}/enable`, { json: { code } })
    setBusy(false)
    if (res.ok && Array.isArray(res.data?.recoveryCodes)) {
      onEnabled(res.data.recoveryCodes)
      return
    }
    if (res.status === 400) {
      setCode('')
      setCodeError(
        'That code does not match. Enter the newest code from your app; if it keeps failing, check that the time on your phone is set automatically.',
      )
      return focusFirstInvalid(formEl)
    }
    if (res.status === 409) {
      setMessages(
        <>
          <p>This setup is no longer waiting for a code (it may have been started again elsewhere).</p>
          {onRestart ? (
            <p>
              <button type="button" className="button button--quiet button--small" onClick={onRestart}>
                Start again with a new key
              </button>
            </p>
          ) : null}
        </>,
      )
      return
    }
    if (res.status === 401) {
      setMessages(<p>You are no longer signed in. Log in again to finish turning on two-factor.</p>)
      return
    }
    setMessages(<Messages messages={res.messages} />)
  }

  return (
    <form className="form totp-setup" onSubmit={onSubmit} noValidate>
      {intro}
      <ol className="totp-steps">
        <li>
          <p>
            Open an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator, 1Password or
            Aegis) and add an account by scanning this code.
          </p>
          <div className="totp-qr">
            {/* A data: URL made by the server; next/image has nothing to optimise here. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={setup.qr} alt="QR code that adds Rounds to your authenticator app" width={200} height={200} />
          </div>
          <p className="totp-or">
            On this phone? <a href={setup.uri}>Open the key in your authenticator app</a>.
          </p>
        </li>
        <li>
          <p>Cannot scan it? Choose to enter a setup key and type this one (spaces do not matter):</p>
          <p className="totp-secret">
            <code>{groupSecret(setup.secret)}</code>
          </p>
        </li>
        <li>
          <Field label="Code from the app" name="code" error={codeError} hint="6 digits. A new one appears every 30 seconds.">
            {(p) => <OneTimeCodeInput {...p} name="code" value={code} onValue={setCode} required />}
          </Field>
        </li>
      </ol>
      <FormAlert>{messages}</FormAlert>
      <button type="submit" className="button button--block" disabled={busy}>
        {busy ? 'Checking…' : submitLabel}
      </button>
    </form>
  )
}

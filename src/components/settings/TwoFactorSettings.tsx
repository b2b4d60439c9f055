'use client'

import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'

import { RecoveryCodes } from '../auth/RecoveryCodes'
import { api } from '../forms/api'
import { Field, PasswordInput, focusFirstInvalid } from '../forms/Field'
import { FormAlert, Messages } from '../forms/FormAlert'
import { TwoFactorDevices, formatDate } from './TwoFactorDevices'
import { OneTimeCodeInput, TWO_FACTOR_API, TwoFactorSetup, type TwoFactorSetupData, type TwoFactorStatus } from './TwoFactorSetup'

type Mode = { kind: 'idle' } | { kind: 'setup'; setup: TwoFactorSetupData } | { kind: 'codes'; codes: string[]; title: string }

/** The member's two-factor settings: status, turning it on and off, recovery codes, remembered devices. */
export function TwoFactorSettings() {
  const [status, setStatus] = useState<TwoFactorStatus | null>(null)
  const [mode, setMode] = useState<Mode>({ kind: 'idle' })
  const [messages, setMessages] = useState<string[]>([])
  const [notice, setNotice] = useState<string | null>(null)
  const [starting, setStarting] = useState(false)
  const statusHeading = useRef<HTMLHeadingElement>(null)

  const load = useCallback(async () => {
    const res = await api<TwoFactorStatus>(`${TWO_FACTOR_API}/status`)
    if (res.status === 401) return window.location.assign('/login?next=/settings/security')
    if (res.ok && res.data) setStatus(res.data)
    else setMessages(res.messages)
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  async function startSetup() {
    setMessages([])
    setNotice(null)
    setStarting(true)
    const res = await api<TwoFactorSetupData>(`${TWO_FACTOR_API}/setup`, { json: {} })
    setStarting(false)
    if (res.ok && res.data?.secret) return setMode({ kind: 'setup', setup: res.data })
    if (res.status === 409) {
      setNotice('Two-factor is already on.')
      return load()
    }
    setMessages(res.messages)
  }

  async function backToOverview(message?: string) {
    setMode({ kind: 'idle' })
    setNotice(message ?? null)
    await load()
    requestAnimationFrame(() => statusHeading.current?.focus())
  }

  if (mode.kind === 'codes') {
    return (
      <div className="card">
        <RecoveryCodes codes={mode.codes} title={mode.title} onDone={() => backToOverview()} doneLabel="I have saved them" />
      </div>
    )
  }

  if (!status) {
    return (
      <section className="card" aria-busy="true">
        <h2>Two-factor authentication</h2>
        {messages.length ? (
          <FormAlert>
            <Messages messages={messages} />
          </FormAlert>
        ) : (
          <p className="muted" role="status">
            Loading…
          </p>
        )}
      </section>
    )
  }

  return (
    <>
      <section className="card" aria-labelledby="tf-title">
        <h2 id="tf-title" ref={statusHeading} tabIndex={-1}>
          Two-factor authentication
        </h2>
        <p className="muted">
          With two-factor on, logging in needs your password and a code from an authenticator app on your phone, so a stolen
          password alone does not open your account.
        </p>
        <dl className="tf-status">
          <div>
            <dt>Status</dt>
            <dd>
              {status.enabled ? (
                <span className="badge badge--verified">On</span>
              ) : (
                <span className="badge badge--pending">Off</span>
              )}
            </dd>
          </div>
          {status.enabled && status.enabledAt ? (
            <div>
              <dt>On since</dt>
              <dd>{formatDate(status.enabledAt)}</dd>
            </div>
          ) : null}
          {status.enabled ? (
            <div>
              <dt>Recovery codes left</dt>
              <dd>
                {status.recoveryCodesRemaining}
                {status.recoveryCodesRemaining <= 3 ? <span className="tf-warn"> (make new ones soon)</span> : null}
              </dd>
            </div>
          ) : null}
        </dl>
        {status.required ? (
          <p className="alert alert--info">Two-factor authentication is required for your role on Rounds.</p>
        ) : null}
        <FormAlert tone="ok">{notice}</FormAlert>
        <FormAlert>{messages.length ? <Messages messages={messages} /> : null}</FormAlert>
        {!status.enabled && mode.kind === 'idle' ? (
          <button type="button" className="button" onClick={startSetup} disabled={starting}>
            {starting ? 'Starting…' : 'Turn on two-factor'}
          </button>
        ) : null}
      </section>

      {!status.enabled && mode.kind === 'setup' ? (
        <section className="card" aria-labelledby="tf-setup-title">
          <h2 id="tf-setup-title">Set up your authenticator app</h2>
          <TwoFactorSetup
            setup={mode.setup}
            onRestart={startSetup}
            onEnabled={(codes) => setMode({ kind: 'codes', codes, title: 'Two-factor is on: save your recovery codes' })}
          />
          <button type="button" className="button button--plain" onClick={() => backToOverview()}>
            Cancel
          </button>
        </section>
      ) : null}

      {status.enabled ? (
        <>
          <RegenerateCodes
            remaining={status.recoveryCodesRemaining}
            onCodes={(codes) => {
              setStatus((s) => (s ? { ...s, recoveryCodesRemaining: codes.length } : s))
              setMode({ kind: 'codes', codes, title: 'Your new recovery codes' })
            }}
          />
          <TwoFactorDevices onChange={load} />
          <TurnOff required={status.required} onDone={() => backToOverview('Two-factor is off. Logging in now needs only your password.')} />
        </>
      ) : null}
    </>
  )
}

/** New recovery codes, for a current code from the app; the old codes stop working. */
function RegenerateCodes({ remaining, onCodes }: { remaining: number; onCodes: (codes: string[]) => void }) {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>()
  const [messages, setMessages] = useState<string[]>([])

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const formEl = event.currentTarget
    setMessages([])
    if (!/^\d{6}$/.test(code)) {
      setError('Enter the 6-digit code your authenticator app shows for Rounds.')
      return focusFirstInvalid(formEl)
    }
    setError(undefined)
    setBusy(true)
    const res = await api<{ recoveryCodes?: string[] }>(`${TWO_FACTOR_API}/recovery-codes`, { json: { code } })
    setBusy(false)
    setCode('')
    if (res.ok && Array.isArray(res.data?.recoveryCodes)) return onCodes(res.data.recoveryCodes)
    if (res.status === 400) {
      setError('That code is not right. Enter the newest code from your authenticator app.')
      return focusFirstInvalid(formEl)
    }
    setMessages(res.messages)
  }

  return (
    <section className="card" aria-labelledby="tf-codes-title">
      <h2 id="tf-codes-title">Recovery codes</h2>
      <p className="muted">
        You have {remaining} of 10 left. Making new codes cancels the old ones, used or not.
      </p>
      <form className="form form--inline" onSubmit={onSubmit} noValidate>
        <Field label="Code from your authenticator app" name="regenerate-code" error={error}>
          {(p) => <OneTimeCodeInput {...p} name="code" value={code} onValue={setCode} />}
        </Field>
        <FormAlert>{messages.length ? <Messages messages={messages} /> : null}</FormAlert>
        <button type="submit" className="button button--quiet" disabled={busy}>
          {busy ? 'Making codes…' : 'Make new recovery codes'}
        </button>
      </form>
    </section>
  )
}

/** Turning two-factor off asks for the password and a current code; a role that requires it cannot. */
function TurnOff({ required, onDone }: { required: boolean; onDone: () => void }) {
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [messages, setMessages] = useState<string[]>([])

  if (required) {
    return (
      <section className="card" aria-labelledby="tf-off-title">
        <h2 id="tf-off-title">Turn off two-factor</h2>
        <p className="muted">
          Administrators and moderators must keep two-factor on, so it cannot be turned off for your account. If you lose your
          phone, log in with a recovery code and ask an administrator to reset your two-factor: you then set up the new phone at
          your next login.
        </p>
      </section>
    )
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const formEl = event.currentTarget
    setMessages([])
    const local: Record<string, string> = {}
    if (!password) local.password = 'Enter your password.'
    if (!/^\d{6}$/.test(code)) local.code = 'Enter the 6-digit code your authenticator app shows for Rounds.'
    setErrors(local)
    if (Object.keys(local).length) return focusFirstInvalid(formEl)
    setBusy(true)
    const res = await api(`${TWO_FACTOR_API}/disable`, { json: { password, code } })
    setBusy(false)
    if (res.ok) {
      setPassword('')
      setCode('')
      return onDone()
    }
    setCode('')
    if (res.status === 400) {
      setErrors(res.fieldErrors)
      setMessages(res.messages.length || Object.keys(res.fieldErrors).length ? res.messages : ['The password or the code is not right.'])
    } else if (res.status === 403) {
      setMessages(['Your role requires two-factor, so it cannot be turned off.'])
    } else {
      setMessages(res.messages)
    }
    focusFirstInvalid(formEl)
  }

  return (
    <section className="card" aria-labelledby="tf-off-title">
      <h2 id="tf-off-title">Turn off two-factor</h2>
      <p className="muted">Logging in will need only your password. You can turn two-factor on again at any time.</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="row row--2">
          <Field label="Password" name="disable-password" error={errors.password}>
            {(p) => (
              <PasswordInput {...p} name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            )}
          </Field>
          <Field label="Code from your authenticator app" name="disable-code" error={errors.code}>
            {(p) => <OneTimeCodeInput {...p} name="code" value={code} onValue={setCode} />}
          </Field>
        </div>
        <FormAlert>{messages.length ? <Messages messages={messages} /> : null}</FormAlert>
        <div>
          <button type="submit" className="button button--danger" disabled={busy}>
            {busy ? 'Turning off…' : 'Turn off two-factor'}
          </button>
        </div>
      </form>
    </section>
  )
}

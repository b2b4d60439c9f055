'use client'

import Link from 'next/link'
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'

import { safeNext } from '@/lib/safeNext'
import { api } from '../forms/api'
import { Field, focusFirstInvalid } from '../forms/Field'
import { FormAlert, Messages } from '../forms/FormAlert'
import {
  OneTimeCodeInput,
  TWO_FACTOR_API,
  TwoFactorSetup,
  type TwoFactorSetupData,
  type TwoFactorStatus,
} from '../settings/TwoFactorSetup'
import { RecoveryCodes } from './RecoveryCodes'

type Phase =
  | { kind: 'loading' }
  | { kind: 'verify' }
  | { kind: 'enroll'; setup: TwoFactorSetupData | null }
  | { kind: 'codes'; codes: string[] }
  | { kind: 'failed'; messages: string[] }

const loginAgain = (next: string) => `/login?next=${encodeURIComponent(next)}`

/**
 * The second step of logging in, after the password was right: a code from the authenticator app (or a
 * recovery code), or, for a role that requires two-factor and has none yet, setting it up first.
 * The session cookie already exists but counts for nothing until this step is done.
 */
export function TwoFactorStep({ next: rawNext }: { next?: string }) {
  const next = safeNext(rawNext)
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' })
  const started = useRef(false)

  const finish = useCallback(() => window.location.assign(next), [next])

  const startSetup = useCallback(async () => {
    setPhase({ kind: 'enroll', setup: null })
    const res = await api<TwoFactorSetupData>(`${TWO_FACTOR_API}/setup`, { json: {} })
    if (res.status === 401) return window.location.replace(loginAgain(next))
    if (res.ok && res.data?.secret) setPhase({ kind: 'enroll', setup: res.data })
    else setPhase({ kind: 'failed', messages: res.messages })
  }, [next])

  useEffect(() => {
    // Once only: starting setup twice would show a key that the second request already replaced.
    if (started.current) return
    started.current = true
    void (async () => {
      const res = await api<TwoFactorStatus>(`${TWO_FACTOR_API}/status`)
      if (res.status === 401) return window.location.replace(loginAgain(next))
      if (!res.ok || !res.data) return setPhase({ kind: 'failed', messages: res.messages })
      if (res.data.state === 'active') return finish()
      if (res.data.state === 'verify') return setPhase({ kind: 'verify' })
      await startSetup()
    })()
  }, [finish, next, startSetup])

  if (phase.kind === 'loading') {
    return (
      <Shell eyebrow="Two-step sign-in" title="Checking your sign-in…">
        <p className="muted" role="status">
          One moment.
        </p>
      </Shell>
    )
  }

  if (phase.kind === 'failed') {
    return (
      <Shell eyebrow="Two-step sign-in" title="Something went wrong">
        <FormAlert>
          <Messages messages={phase.messages} />
        </FormAlert>
        <p style={{ marginTop: '1rem' }}>
          <Link href={loginAgain(next)}>Log in again</Link>
        </p>
      </Shell>
    )
  }

  if (phase.kind === 'verify') {
    return (
      <Shell eyebrow="Two-step sign-in" title="Enter your code" lead="Your password was right. Now confirm it is you with your authenticator app.">
        <VerifyForm next={next} onDone={finish} />
      </Shell>
    )
  }

  if (phase.kind === 'codes') {
    return (
      <Shell eyebrow="Two-factor is on" title="One more thing">
        <RecoveryCodes codes={phase.codes} onDone={finish} />
      </Shell>
    )
  }

  return (
    <Shell
      eyebrow="Set up two-factor"
      title="Protect your account"
      lead="Your role on Rounds requires two-factor authentication. Set it up now to continue: it takes a minute, with an authenticator app on your phone."
    >
      {phase.setup ? (
        <TwoFactorSetup
          setup={phase.setup}
          onRestart={startSetup}
          onEnabled={(codes) => setPhase({ kind: 'codes', codes })}
          submitLabel="Confirm and turn on"
        />
      ) : (
        <p className="muted" role="status">
          Making your key…
        </p>
      )}
    </Shell>
  )
}

function Shell({ eyebrow, title, lead, children }: { eyebrow: string; title: string; lead?: string; children: ReactNode }) {
  return (
    <>
      <div className="page-head">
        <span className="eyebrow">{eyebrow}</span>
        <h1>{title}</h1>
        {lead ? <p>{lead}</p> : null}
      </div>
      <div className="card">{children}</div>
    </>
  )
}

/** The code (or a recovery code) for a login that is waiting for its second factor. */
function VerifyForm({ next, onDone }: { next: string; onDone: () => void }) {
  const [useRecovery, setUseRecovery] = useState(false)
  const [code, setCode] = useState('')
  const [recoveryCode, setRecoveryCode] = useState('')
  const [remember, setRemember] = useState(false)
  const [busy, setBusy] = useState(false)
  const [stopped, setStopped] = useState(false)
  const [fieldError, setFieldError] = useState<string | undefined>()
  const [problem, setProblem] = useState<ReactNode>(null)
  const form = useRef<HTMLFormElement>(null)

  function toggle() {
    setUseRecovery((v) => !v)
    setFieldError(undefined)
    setProblem(null)
    requestAnimationFrame(() => form.current?.querySelector<HTMLInputElement>('input[name="code"], input[name="recoveryCode"]')?.focus())
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const formEl = event.currentTarget
    setProblem(null)
    const recovery = recoveryCode.trim().toLowerCase().replace(/\s+/g, '')
    if (!useRecovery && !/^\d{6}$/.test(code)) {
      setFieldError('Enter the 6-digit code your authenticator app shows for Rounds.')
      return focusFirstInvalid(formEl)
    }
    if (useRecovery && !/^[a-z0-9]{5}-?[a-z0-9]{5}$/.test(recovery)) {
      setFieldError('A recovery code looks like abcde-12345.')
      return focusFirstInvalid(formEl)
    }
    setFieldError(undefined)
    setBusy(true)
    const res = await api(`${TWO_FACTOR_API}/verify`, {
      json: useRecovery ? { recoveryCode: recovery, rememberDevice: remember } : { code, rememberDevice: remember },
    })
    if (res.ok) return onDone()
    setBusy(false)
    const remaining = (res.data as { errors?: { remaining?: unknown }[] } | null)?.errors?.[0]?.remaining
    if (res.status === 400 && remaining === 0) {
      setStopped(true)
      setProblem(
        <>
          <p>That was the last try for this login.</p>
          <p>
            <Link href={loginAgain(next)}>Log in again</Link> to get new tries.
          </p>
        </>,
      )
      return
    }
    if (res.status === 400) {
      const left = typeof remaining === 'number' && remaining <= 2 ? ` ${remaining === 1 ? 'One try' : `${remaining} tries`} left.` : ''
      if (useRecovery) {
        setFieldError(`That recovery code is not right, or it was already used. Each code works once.${left}`)
      } else {
        setCode('')
        setFieldError(`That code is not right. Enter the newest code from your authenticator app.${left}`)
      }
      return focusFirstInvalid(formEl)
    }
    if (res.status === 401) {
      setStopped(true)
      setProblem(
        <>
          <p>{res.messages[0] ?? 'This login has expired.'}</p>
          <p>
            <Link href={loginAgain(next)}>Go to the login page</Link>
          </p>
        </>,
      )
      return
    }
    if (res.status === 429) {
      setProblem(
        <>
          <p>Too many attempts. Wait a few minutes before trying again.</p>
          <p>
            Or <Link href={loginAgain(next)}>log in again</Link> later.
          </p>
        </>,
      )
      return
    }
    setProblem(<Messages messages={res.messages} />)
  }

  return (
    <form ref={form} className="form" onSubmit={onSubmit} noValidate>
      {useRecovery ? (
        <Field
          key="recovery"
          label="Recovery code"
          name="recoveryCode"
          error={fieldError}
          hint="One of the codes you saved when you turned on two-factor, like abcde-12345. Each works once."
        >
          {(p) => (
            <input
              {...p}
              name="recoveryCode"
              className="input input--recovery"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={recoveryCode}
              onChange={(e) => setRecoveryCode(e.target.value)}
              autoFocus
            />
          )}
        </Field>
      ) : (
        <Field key="code" label="Authentication code" name="code" error={fieldError} hint="6 digits from your authenticator app.">
          {(p) => <OneTimeCodeInput {...p} name="code" value={code} onValue={setCode} required autoFocus />}
        </Field>
      )}
      <button type="button" className="button button--plain totp-toggle" onClick={toggle}>
        {useRecovery ? 'Use a code from the app instead' : 'Use a recovery code instead'}
      </button>
      <label className="check">
        <input type="checkbox" name="rememberDevice" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
        <span>
          Remember this device for 30 days
          <span className="field__hint" style={{ display: 'block' }}>
            Only on a device that is yours. You can forget it later in your security settings.
          </span>
        </span>
      </label>
      <FormAlert>{problem}</FormAlert>
      <button type="submit" className="button button--block" disabled={busy || stopped}>
        {busy ? 'Checking…' : 'Continue'}
      </button>
    </form>
  )
}

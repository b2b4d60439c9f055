'use client'

import { Button, CheckboxInput, Link } from '@payloadcms/ui'
import { useCallback, useState, type FormEvent } from 'react'

import { call } from './api'
import { EnrollStep } from './EnrollStep'
import { Alert, CodeField, Field, isCode } from './fields'
import './two-factor.css'

type Props = {
  /** `<api>/<users>` */
  collectionAPI: string
  /** Where to go once signed in (already checked to be inside the admin panel). */
  redirectTo: string
  forgotHref: string
  rememberDeviceDays: number
}

type Step = 'credentials' | 'verify' | 'enroll'

/**
 * The admin login: email and password, then the second factor the server asks for — a code from the
 * authenticator app (or a recovery code), or, for a role that requires two-factor and has none yet,
 * setting it up. The last step is a full page load, so the whole panel starts with the new session.
 */
export function LoginFlow({ collectionAPI, redirectTo, forgotHref, rememberDeviceDays }: Props) {
  const base = `${collectionAPI}/two-factor`
  const [step, setStep] = useState<Step>('credentials')
  const [notice, setNotice] = useState<string | null>(null)
  const finish = useCallback(() => window.location.assign(redirectTo), [redirectTo])
  const expired = useCallback((message?: string | null) => {
    setStep('credentials')
    setNotice(message || 'Your login expired before it was finished. Log in again.')
  }, [])

  if (step === 'verify') {
    return <VerifyStep base={base} rememberDeviceDays={rememberDeviceDays} onDone={finish} onExpired={expired} onBack={() => setStep('credentials')} />
  }
  if (step === 'enroll') {
    return (
      <div className="tf-login">
        <h1 className="tf-title">Set up two-factor authentication</h1>
        <EnrollStep
          base={base}
          onDone={finish}
          onSignedOut={() => expired()}
          intro={<p>Your role requires two-factor authentication. Set it up now to continue; you need an authenticator app on your phone.</p>}
        />
      </div>
    )
  }
  return (
    <Credentials
      collectionAPI={collectionAPI}
      forgotHref={forgotHref}
      notice={notice}
      onSignedIn={(owed) => {
        setNotice(null)
        if (owed === 'verify' || owed === 'enroll') setStep(owed)
        else finish()
      }}
    />
  )
}

function Credentials({
  collectionAPI,
  forgotHref,
  notice,
  onSignedIn,
}: {
  collectionAPI: string
  forgotHref: string
  notice: string | null
  onSignedIn: (owed: string | null) => void
}) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!email.trim() || !password) return setProblem('Enter your email and password.')
    setProblem(null)
    setBusy(true)
    const res = await call<{ twoFactor?: { state?: string } }>(`${collectionAPI}/login`, { json: { email: email.trim(), password } })
    if (res.ok) return onSignedIn(res.data?.twoFactor?.state ?? null)
    setBusy(false)
    if (res.status === 401 && /locked/i.test(res.message ?? '')) setProblem('This account is locked for a while after too many failed attempts.')
    else if (res.status === 401) setProblem('The email or password is not right.')
    else if (res.status === 403) setProblem('Confirm your email address before logging in.')
    else setProblem(res.message)
  }

  return (
    <form className="login__form tf-form" onSubmit={onSubmit} noValidate>
      {notice ? <Alert type="info">{notice}</Alert> : null}
      <div className="login__form__inputWrap">
        <Field label="Email" name="email" type="email" autoComplete="username" value={email} onValue={setEmail} required autoFocus />
        <Field label="Password" name="password" type="password" autoComplete="current-password" value={password} onValue={setPassword} required />
      </div>
      <Link href={forgotHref} prefetch={false}>
        Forgot password?
      </Link>
      <Alert>{problem}</Alert>
      <Button type="submit" buttonStyle="primary" size="large" margin={false} className="tf-block" disabled={busy}>
        {busy ? 'Logging in…' : 'Login'}
      </Button>
    </form>
  )
}

function VerifyStep({
  base,
  rememberDeviceDays,
  onDone,
  onExpired,
  onBack,
}: {
  base: string
  rememberDeviceDays: number
  onDone: () => void
  onExpired: (message: string | null) => void
  onBack: () => void
}) {
  const [recovery, setRecovery] = useState(false)
  const [code, setCode] = useState('')
  const [recoveryCode, setRecoveryCode] = useState('')
  const [remember, setRemember] = useState(false)
  const [busy, setBusy] = useState(false)
  const [fieldError, setFieldError] = useState<string | undefined>()
  const [problem, setProblem] = useState<string | null>(null)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setProblem(null)
    const cleanRecovery = recoveryCode.trim().toLowerCase().replace(/\s+/g, '')
    if (!recovery && !isCode(code)) return setFieldError('Enter the 6-digit code your authenticator app shows.')
    if (recovery && !/^[a-z0-9]{5}-?[a-z0-9]{5}$/.test(cleanRecovery)) return setFieldError('A recovery code looks like abcde-12345.')
    setFieldError(undefined)
    setBusy(true)
    const res = await call(`${base}/verify`, {
      json: recovery ? { recoveryCode: cleanRecovery, rememberDevice: remember } : { code, rememberDevice: remember },
    })
    if (res.ok) return onDone()
    setBusy(false)
    const remaining = (res.data as { errors?: { remaining?: unknown }[] } | null)?.errors?.[0]?.remaining
    if (res.status === 400 && remaining === 0) {
      onExpired('Too many wrong codes for this login. Log in again.')
    } else if (res.status === 400) {
      setCode('')
      const left = typeof remaining === 'number' && remaining <= 2 ? ` ${remaining === 1 ? 'One try' : `${remaining} tries`} left.` : ''
      setFieldError(`${recovery ? 'That recovery code is not right, or it was already used.' : 'That code is not right. Enter the newest code from your app.'}${left}`)
    } else if (res.status === 401) {
      onExpired(res.message)
    } else if (res.status === 429) {
      setProblem('Too many attempts. Wait a few minutes, then try again.')
    } else {
      setProblem(res.message)
    }
  }

  return (
    <form className="login__form tf-form tf-login" onSubmit={onSubmit} noValidate>
      <h1 className="tf-title">Two-factor authentication</h1>
      <p>{recovery ? 'Enter one of the recovery codes you saved.' : 'Enter the code from your authenticator app.'}</p>
      <div className="login__form__inputWrap">
        {recovery ? (
          <Field
            key="recovery"
            label="Recovery code"
            name="recoveryCode"
            value={recoveryCode}
            onValue={setRecoveryCode}
            error={fieldError}
            hint="Like abcde-12345. Each code works once."
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            required
          />
        ) : (
          <CodeField key="code" label="Authentication code" name="code" value={code} onValue={setCode} error={fieldError} autoFocus required />
        )}
        <button
          type="button"
          className="tf-linkish"
          onClick={() => {
            setRecovery((v) => !v)
            setFieldError(undefined)
            setProblem(null)
          }}
        >
          {recovery ? 'Use a code from the app instead' : 'Use a recovery code instead'}
        </button>
        {rememberDeviceDays > 0 ? (
          <CheckboxInput
            id="tf-remember"
            name="rememberDevice"
            label={`Remember this device for ${rememberDeviceDays} days`}
            checked={remember}
            onToggle={(e) => setRemember(e.target.checked)}
          />
        ) : null}
      </div>
      <Alert>{problem}</Alert>
      <Button type="submit" buttonStyle="primary" size="large" margin={false} className="tf-block" disabled={busy}>
        {busy ? 'Checking…' : 'Verify'}
      </Button>
      <button type="button" className="tf-linkish" onClick={onBack}>
        Log in as someone else
      </button>
    </form>
  )
}

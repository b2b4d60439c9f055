'use client'

import { Button } from '@payloadcms/ui'
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'

import { call, groupSecret, type SetupData } from './api'
import { Alert, CodeField, isCode } from './fields'
import { RecoveryCodesPanel } from './RecoveryCodesPanel'

type Props = {
  /** `<api>/<users>/two-factor` */
  base: string
  /** After the recovery codes were acknowledged. */
  onDone: () => void
  /** The session is gone (a pending login expired): start again. */
  onSignedOut?: () => void
  intro?: ReactNode
  doneLabel?: string
}

/**
 * Turning two-factor on: a new key (QR code and text) for the authenticator app, the first code it
 * shows to prove it has the key, then the recovery codes, shown once.
 */
export function EnrollStep({ base, onDone, onSignedOut, intro, doneLabel }: Props) {
  const [setup, setSetup] = useState<SetupData | null>(null)
  const [codes, setCodes] = useState<string[] | null>(null)
  const [code, setCode] = useState('')
  const [codeError, setCodeError] = useState<string | undefined>()
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const started = useRef(false)

  const start = useCallback(async () => {
    setProblem(null)
    setSetup(null)
    setCode('')
    const res = await call<SetupData>(`${base}/setup`, { json: {} })
    if (res.status === 401 && onSignedOut) return onSignedOut()
    if (res.ok && res.data?.secret) setSetup(res.data)
    else setProblem(res.message)
  }, [base, onSignedOut])

  useEffect(() => {
    // Once: a second request would replace the key the first one showed.
    if (started.current) return
    started.current = true
    void start()
  }, [start])

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setProblem(null)
    if (!isCode(code)) return setCodeError('Enter the 6-digit code your authenticator app shows.')
    setCodeError(undefined)
    setBusy(true)
    const res = await call<{ recoveryCodes?: string[] }>(`${base}/enable`, { json: { code } })
    setBusy(false)
    if (res.ok && Array.isArray(res.data?.recoveryCodes)) return setCodes(res.data.recoveryCodes)
    setCode('')
    if (res.status === 400) {
      setCodeError('That code does not match. Enter the newest code; if it keeps failing, check that the time on your phone is set automatically.')
    } else if (res.status === 401 && onSignedOut) {
      onSignedOut()
    } else if (res.status === 409) {
      setProblem('This setup is no longer waiting for a code. Start again with a new key.')
      setSetup(null)
    } else {
      setProblem(res.message)
    }
  }

  if (codes) return <RecoveryCodesPanel codes={codes} onDone={onDone} doneLabel={doneLabel} />

  return (
    <div className="tf-enroll">
      {intro}
      {setup ? (
        <form className="tf-form" onSubmit={onSubmit} noValidate>
          <ol className="tf-steps">
            <li>
              <p>Open an authenticator app on your phone (Google Authenticator, Microsoft Authenticator, 1Password, Aegis…) and scan this code.</p>
              <div className="tf-qr">
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={setup.qr} alt="QR code that adds this account to your authenticator app" width={200} height={200} />
              </div>
            </li>
            <li>
              <p>Cannot scan it? Enter this setup key instead:</p>
              <p className="tf-secret">
                <code>{groupSecret(setup.secret)}</code>
              </p>
            </li>
            <li>
              <CodeField
                label="Code from the app"
                name="code"
                value={code}
                onValue={setCode}
                error={codeError}
                hint="6 digits; a new one appears every 30 seconds."
                required
              />
            </li>
          </ol>
          <Alert>{problem}</Alert>
          <Button type="submit" buttonStyle="primary" size="large" margin={false} className="tf-block" disabled={busy}>
            {busy ? 'Checking…' : 'Confirm and turn on'}
          </Button>
        </form>
      ) : problem ? (
        <>
          <Alert>{problem}</Alert>
          <Button buttonStyle="secondary" margin={false} onClick={() => void start()}>
            Start again
          </Button>
        </>
      ) : (
        <p role="status">Making your key…</p>
      )}
    </div>
  )
}

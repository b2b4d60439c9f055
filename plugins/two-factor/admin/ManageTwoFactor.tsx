'use client'

import { Button, useStepNav } from '@payloadcms/ui'
import { useCallback, useEffect, useState, type FormEvent } from 'react'

import { call, formatDate, type Device, type Status } from './api'
import { EnrollStep } from './EnrollStep'
import { Alert, CodeField, isCode } from './fields'
import { RecoveryCodesPanel } from './RecoveryCodesPanel'
import './two-factor.css'

type Mode = 'overview' | 'enroll' | { codes: string[] }

/** The staff member's own two-factor: status, turning it on, new recovery codes, remembered devices. */
export function ManageTwoFactor({ collectionAPI }: { collectionAPI: string }) {
  const base = `${collectionAPI}/two-factor`
  const { setStepNav } = useStepNav()
  const [status, setStatus] = useState<Status | null>(null)
  const [devices, setDevices] = useState<Device[] | null>(null)
  const [mode, setMode] = useState<Mode>('overview')
  const [problem, setProblem] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  useEffect(() => setStepNav([{ label: 'Two-factor authentication' }]), [setStepNav])

  const load = useCallback(async () => {
    const res = await call<Status>(`${base}/status`)
    if (!res.ok || !res.data) return setProblem(res.message)
    setStatus(res.data)
    if (res.data.enabled) {
      const list = await call<{ devices: Device[] }>(`${base}/devices`)
      if (list.ok && Array.isArray(list.data?.devices)) setDevices(list.data.devices)
      else setProblem(list.message)
    } else {
      setDevices([])
    }
  }, [base])

  useEffect(() => {
    void load()
  }, [load])

  const overview = useCallback(
    async (message: string | null = null) => {
      setMode('overview')
      setNotice(message)
      await load()
    },
    [load],
  )

  async function forget(device: Device | 'all') {
    setProblem(null)
    setNotice(null)
    const res = await call<{ revoked?: number }>(device === 'all' ? `${base}/devices` : `${base}/devices/${encodeURIComponent(String(device.id))}`, {
      method: 'DELETE',
    })
    if (!res.ok) return setProblem(res.message)
    await overview(device === 'all' ? 'Every remembered device is forgotten.' : `${device.label || 'The device'} is forgotten.`)
  }

  if (typeof mode === 'object') {
    return (
      <div className="tf-panel">
        <RecoveryCodesPanel codes={mode.codes} onDone={() => void overview()} doneLabel="I have saved them" />
      </div>
    )
  }
  if (mode === 'enroll') {
    return (
      <div className="tf-panel">
        <EnrollStep base={base} onDone={() => void overview('Two-factor authentication is on.')} doneLabel="I have saved them" />
        <Button buttonStyle="subtle" margin={false} onClick={() => void overview()}>
          Cancel
        </Button>
      </div>
    )
  }

  return (
    <div className="tf-manage__body">
      <Alert>{problem}</Alert>
      <Alert type="success">{notice}</Alert>
      {status ? (
        <>
          <section className="tf-panel" aria-labelledby="tf-status-title">
            <h2 id="tf-status-title">Status</h2>
            <dl className="tf-status">
              <div>
                <dt>Two-factor</dt>
                <dd>{status.enabled ? 'On' : 'Off'}</dd>
              </div>
              {status.enabled ? (
                <>
                  <div>
                    <dt>On since</dt>
                    <dd>{formatDate(status.enabledAt)}</dd>
                  </div>
                  <div>
                    <dt>Recovery codes left</dt>
                    <dd>{status.recoveryCodesRemaining} of 10</dd>
                  </div>
                  <div>
                    <dt>Remembered devices</dt>
                    <dd>{status.rememberedDevices}</dd>
                  </div>
                </>
              ) : null}
            </dl>
            {status.required ? <p>Two-factor authentication is required for your role; it cannot be turned off.</p> : null}
            {!status.enabled ? (
              <Button buttonStyle="primary" margin={false} onClick={() => setMode('enroll')}>
                Turn on two-factor
              </Button>
            ) : null}
          </section>
          {status.enabled ? (
            <>
              <Regenerate base={base} remaining={status.recoveryCodesRemaining} onCodes={(codes) => setMode({ codes })} />
              <section className="tf-panel" aria-labelledby="tf-devices-title">
                <h2 id="tf-devices-title">Remembered devices</h2>
                <p>These browsers skip the code at login until the date shown.</p>
                {devices === null ? (
                  <p role="status">Loading…</p>
                ) : devices.length === 0 ? (
                  <p>No device is remembered.</p>
                ) : (
                  <>
                    <table className="tf-devices">
                      <thead>
                        <tr>
                          <th scope="col">Device</th>
                          <th scope="col">Remembered</th>
                          <th scope="col">Last used</th>
                          <th scope="col">Until</th>
                          <th scope="col">
                            <span className="tf-sr">Action</span>
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {devices.map((d) => (
                          <tr key={d.id}>
                            <td>
                              {d.label || 'Unnamed browser'}
                              {d.current ? <span className="tf-pill">This device</span> : null}
                            </td>
                            <td>{formatDate(d.createdAt)}</td>
                            <td>{formatDate(d.lastUsedAt)}</td>
                            <td>{formatDate(d.expiresAt)}</td>
                            <td>
                              <Button
                                buttonStyle="secondary"
                                size="small"
                                margin={false}
                                aria-label={`Forget ${d.label || 'unnamed browser'}`}
                                onClick={() => void forget(d)}
                              >
                                Forget
                              </Button>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                    <Button buttonStyle="secondary" margin={false} onClick={() => void forget('all')}>
                      Forget all devices
                    </Button>
                  </>
                )}
              </section>
            </>
          ) : null}
        </>
      ) : problem ? null : (
        <p role="status">Loading…</p>
      )}
    </div>
  )
}

function Regenerate({ base, remaining, onCodes }: { base: string; remaining: number; onCodes: (codes: string[]) => void }) {
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setProblem(null)
    if (!isCode(code)) return setError('Enter the 6-digit code your authenticator app shows.')
    setError(undefined)
    setBusy(true)
    const res = await call<{ recoveryCodes?: string[] }>(`${base}/recovery-codes`, { json: { code } })
    setBusy(false)
    setCode('')
    if (res.ok && Array.isArray(res.data?.recoveryCodes)) return onCodes(res.data.recoveryCodes)
    if (res.status === 400) setError('That code is not right. Enter the newest code from your app.')
    else setProblem(res.message)
  }

  return (
    <section className="tf-panel" aria-labelledby="tf-regen-title">
      <h2 id="tf-regen-title">Recovery codes</h2>
      <p>You have {remaining} of 10 left. New codes cancel the old ones, used or not.</p>
      <form className="tf-form tf-form--narrow" onSubmit={onSubmit} noValidate>
        <CodeField label="Code from your authenticator app" name="code" value={code} onValue={setCode} error={error} />
        <Alert>{problem}</Alert>
        <Button type="submit" buttonStyle="secondary" margin={false} disabled={busy}>
          {busy ? 'Making codes…' : 'Make new recovery codes'}
        </Button>
      </form>
    </section>
  )
}

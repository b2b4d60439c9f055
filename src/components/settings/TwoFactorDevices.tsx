'use client'

import { useCallback, useEffect, useState } from 'react'

import { api } from '../forms/api'
import { FormAlert, Messages } from '../forms/FormAlert'
import { TWO_FACTOR_API } from './TwoFactorSetup'

export type RememberedDevice = {
  id: string | number
  label: string | null
  createdAt: string
  lastUsedAt: string | null
  expiresAt: string
  current: boolean
}

export const formatDate = (iso: string | null | undefined) =>
  iso ? new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(iso)) : null

/**
 * Devices where "remember this device" was ticked: they skip the code until they expire. Forgetting
 * one means the next login there asks for a code again.
 */
export function TwoFactorDevices({ onChange }: { onChange?: () => void }) {
  const [devices, setDevices] = useState<RememberedDevice[] | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [messages, setMessages] = useState<string[]>([])
  const [notice, setNotice] = useState<string | null>(null)

  const load = useCallback(async () => {
    const res = await api<{ devices: RememberedDevice[] }>(`${TWO_FACTOR_API}/devices`)
    if (res.ok && Array.isArray(res.data?.devices)) setDevices(res.data.devices)
    else setMessages(res.messages)
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  async function forget(device: RememberedDevice | 'all') {
    setMessages([])
    setNotice(null)
    setBusy(device === 'all' ? 'all' : String(device.id))
    const res = await api<{ revoked?: number }>(
      device === 'all' ? `${TWO_FACTOR_API}/devices` : `${TWO_FACTOR_API}/devices/${encodeURIComponent(String(device.id))}`,
      { method: 'DELETE' },
    )
    setBusy(null)
    if (!res.ok) return setMessages(res.messages)
    setNotice(
      device === 'all'
        ? 'Every remembered device is forgotten. Each will ask for a code at its next login.'
        : `${device.label || 'The device'} is forgotten. It will ask for a code at its next login.`,
    )
    await load()
    onChange?.()
  }

  return (
    <section className="card" aria-labelledby="tf-devices-title">
      <h2 id="tf-devices-title">Remembered devices</h2>
      <p className="muted">These browsers skip the code when you log in, for 30 days from when you chose to remember them.</p>
      {devices === null ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : devices.length === 0 ? (
        <p className="muted">No device is remembered.</p>
      ) : (
        <>
          <ul className="device-list">
            {devices.map((d) => (
              <li key={d.id} className="device">
                <div className="device__text">
                  <span className="device__name">
                    {d.label || 'Unnamed browser'}
                    {d.current ? <span className="badge badge--verified">This device</span> : null}
                  </span>
                  <span className="device__meta">
                    Remembered {formatDate(d.createdAt)}
                    {d.lastUsedAt ? ` · last used ${formatDate(d.lastUsedAt)}` : ''} · until {formatDate(d.expiresAt)}
                  </span>
                </div>
                <button
                  type="button"
                  className="button button--quiet button--small"
                  onClick={() => forget(d)}
                  disabled={busy !== null}
                  aria-label={`Forget ${d.label || 'unnamed browser'}${d.current ? ' (this device)' : ''}`}
                >
                  {busy === String(d.id) ? 'Forgetting…' : 'Forget'}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="button button--quiet" onClick={() => forget('all')} disabled={busy !== null}>
            {busy === 'all' ? 'Forgetting…' : 'Forget all devices'}
          </button>
        </>
      )}
      <FormAlert>{messages.length ? <Messages messages={messages} /> : null}</FormAlert>
      <FormAlert tone="ok">{notice}</FormAlert>
    </section>
  )
}

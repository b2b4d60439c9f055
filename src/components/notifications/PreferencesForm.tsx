'use client'

import { useState, type FormEvent } from 'react'

import { CHANNELS, NOTIFICATION_TYPES, TYPE_LABELS, type Channel, type NotificationPreferences, type NotificationType } from '@/domain/notifications/types'
import { api } from '../forms/api'
import { FormAlert } from '../forms/FormAlert'
import styles from './notifications.module.css'

const CHANNEL_LABELS: Record<Channel, string> = { inApp: 'In the app', email: 'Daily email' }

/** A table of types by channel, saved together. */
export function PreferencesForm({ initial }: { initial: NotificationPreferences }) {
  const [prefs, setPrefs] = useState(initial)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)

  const toggle = (channel: Channel, type: NotificationType) => {
    setResult(null)
    setPrefs((p) => ({ ...p, [channel]: { ...p[channel], [type]: !p[channel][type] } }))
  }

  async function save(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    const res = await api<NotificationPreferences>('/api/notifications/preferences', { method: 'PATCH', json: prefs })
    setBusy(false)
    if (res.ok && res.data) {
      setPrefs(res.data)
      setResult({ tone: 'ok', text: 'Your notification settings are saved.' })
    } else setResult({ tone: 'error', text: res.messages[0] ?? 'Could not save your settings. Try again.' })
  }

  return (
    <form onSubmit={save} className="card" aria-labelledby="prefs-title">
      <h2 id="prefs-title">What you are told about</h2>
      <p className="muted">
        Turn a kind off in the app and it is not recorded at all. The daily email lists what you have not read yet, once a day at
        most, and only when there is something new.
      </p>
      <table className={styles.prefs}>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            {CHANNELS.map((c) => (
              <th key={c} scope="col">
                {CHANNEL_LABELS[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {NOTIFICATION_TYPES.map((type) => (
            <tr key={type}>
              <th scope="row">
                {TYPE_LABELS[type].label}
                <span className={styles.hint}>{TYPE_LABELS[type].hint}</span>
              </th>
              {CHANNELS.map((channel) => (
                <td key={channel}>
                  <input
                    type="checkbox"
                    checked={prefs[channel][type]}
                    onChange={() => toggle(channel, type)}
                    aria-label={`${TYPE_LABELS[type].label}: ${CHANNEL_LABELS[channel].toLowerCase()}`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={busy} aria-busy={busy || undefined}>
          {busy ? 'Saving…' : 'Save settings'}
        </button>
      </div>
      <FormAlert tone={result?.tone ?? 'error'}>{result?.text}</FormAlert>
    </form>
  )
}

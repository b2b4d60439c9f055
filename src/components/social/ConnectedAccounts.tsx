'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'

import type { ProviderId } from '@/domain/identity/social/ids'
import { api } from '../forms/api'
import { FormAlert } from '../forms/FormAlert'
import { ProviderIcon } from './ProviderIcon'
import styles from './social.module.css'

export type ProviderRow = {
  id: ProviderId
  label: string
  /** Offered on this server (can be connected). */
  offered: boolean
  link: { email: string | null; since: string | null } | null
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/**
 * The member's providers: connected ones with a Disconnect button, offered ones with Connect. Connect
 * is a plain form POST (a full navigation to the provider); Disconnect calls the API and reloads the list.
 */
export function ConnectedAccounts({ rows, initialNotice }: { rows: ProviderRow[]; initialNotice?: string | null }) {
  const router = useRouter()
  const [busy, setBusy] = useState<ProviderId | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(initialNotice ?? null)

  async function disconnect(row: ProviderRow) {
    setBusy(row.id)
    setProblem(null)
    setNotice(null)
    const res = await api<{ message: string }>(`/api/users/oauth/${row.id}`, { method: 'DELETE' })
    setBusy(null)
    if (res.status === 401) return window.location.assign('/login?next=/settings/accounts')
    if (!res.ok) return setProblem(res.messages[0] ?? `${row.label} could not be disconnected.`)
    setNotice(res.data?.message ?? `${row.label} is no longer connected.`)
    router.refresh()
  }

  return (
    <>
      <FormAlert tone="ok">{notice}</FormAlert>
      <FormAlert>{problem}</FormAlert>
      <ul className={styles.accounts}>
        {rows.map((row) => (
          <li key={row.id} className={styles.account}>
            <div className={styles.accountInfo}>
              <span className={styles.accountName}>
                <ProviderIcon id={row.id} />
                {row.label}
              </span>
              <p>
                {row.link
                  ? `Connected${row.link.email ? ` as ${row.link.email}` : ''}${row.link.since ? ` since ${dateFormat.format(new Date(row.link.since))}` : ''}.`
                  : 'Not connected.'}
              </p>
            </div>
            {row.link ? (
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => disconnect(row)}
                disabled={busy !== null}
                aria-busy={busy === row.id || undefined}
                aria-label={`Disconnect ${row.label}`}
              >
                {busy === row.id ? 'Disconnecting…' : 'Disconnect'}
              </button>
            ) : row.offered ? (
              <form method="post" action={`/api/users/oauth/${row.id}/link`} className={styles.accountAction}>
                <button type="submit" className="button button--small" aria-label={`Connect ${row.label}`}>
                  Connect
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  )
}

import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'

import { ConnectedAccounts, type ProviderRow } from '@/components/social/ConnectedAccounts'
import { connectedAccounts } from '@/domain/identity/social/accounts'
import { isProviderId, PROVIDER_IDS, PROVIDER_LABELS, type ProviderId } from '@/domain/identity/social/ids'
import { configuredProviders } from '@/domain/identity/social/providers'
import { getViewer, payloadInstance } from '@/lib/session'

export const metadata: Metadata = { title: 'Connected accounts' }

type Props = { searchParams: Promise<{ connected?: string | string[] }> }

/** Connected accounts: the providers the member signs in with, connecting another, disconnecting one. */
export default async function ConnectedAccountsPage({ searchParams }: Props) {
  const viewer = await getViewer()
  if (!viewer) redirect('/login?next=/settings/accounts')
  // The member's own connections, and (from the same rows) whether they have set a password.
  const { links: stored, hasPassword } = await connectedAccounts(await payloadInstance(), viewer.id)
  const links = new Map<ProviderId, { email: string | null; since: string | null }>()
  for (const link of stored) {
    if (isProviderId(link.provider) && !links.has(link.provider)) links.set(link.provider, { email: link.email, since: link.createdAt })
  }
  const offered = new Set(configuredProviders().map((p) => p.id))
  const rows: ProviderRow[] = PROVIDER_IDS.filter((id) => offered.has(id) || links.has(id)).map((id) => ({
    id,
    label: PROVIDER_LABELS[id],
    offered: offered.has(id),
    link: links.get(id) ?? null,
  }))
  const { connected } = await searchParams
  const notice = typeof connected === 'string' && isProviderId(connected) && links.has(connected) ? `${PROVIDER_LABELS[connected]} is now connected. You can use it to log in.` : null

  return (
    <section className="card" aria-labelledby="accounts-title">
      <h2 id="accounts-title">Connected accounts</h2>
      <p>Log in to Rounds with an account you already have, instead of your password.</p>
      {rows.length ? (
        <ConnectedAccounts rows={rows} initialNotice={notice} />
      ) : (
        <p className="muted">No sign-in providers are set up on this site.</p>
      )}
      {hasPassword ? null : (
        <p>
          You have not set a Rounds password yet, so you always log in through a connected account, and the last one cannot be
          disconnected. <Link href="/forgot-password">Set a password</Link> to log in with your email too.
        </p>
      )}
    </section>
  )
}

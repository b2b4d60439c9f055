import type { Metadata } from 'next'
import { redirect } from 'next/navigation'

import { VerificationForm } from '@/components/trust/VerificationForm'
import { RequestHistory, VerificationStatus, type RequestSummary } from '@/components/trust/VerificationStatus'
import { getViewer, payloadInstance } from '@/lib/session'
import type { User } from '../../../../payload-types'

export const metadata: Metadata = { title: 'Licence verification' }

/** The member's licence verification: where it stands, their requests, and the form when they may send one. */
export default async function VerificationPage() {
  const viewer = await getViewer()
  if (!viewer) redirect('/login?next=/settings/verification')
  const payload = await payloadInstance()
  const [me, requests] = await Promise.all([
    payload.findByID({ collection: 'users', id: viewer.id, overrideAccess: false, user: viewer, depth: 0, select: { verificationStatus: true, verifiedUntil: true, licence: true } }),
    payload.find({
      collection: 'licence-verifications',
      where: { user: { equals: viewer.id } },
      sort: '-submittedAt',
      limit: 10,
      depth: 0,
      overrideAccess: false,
      user: viewer,
      select: { licenceNumber: true, jurisdiction: true, status: true, submittedAt: true, decidedAt: true, reason: true, expiresAt: true },
    }),
  ])
  const user = me as Pick<User, 'verificationStatus' | 'verifiedUntil' | 'licence'>
  const list = requests.docs as unknown as RequestSummary[]
  const latest = list[0] ?? null
  const status = user.verificationStatus ?? 'unverified'
  const open = list.some((r) => r.status === 'submitted')
  const canSubmit = status !== 'verified' && !open
  return (
    <>
      <VerificationStatus status={status} verifiedUntil={user.verifiedUntil ?? null} latest={latest} />
      {canSubmit ? (
        <VerificationForm
          resubmit={list.length > 0}
          initial={{ licenceNumber: latest?.licenceNumber ?? user.licence?.number ?? '', jurisdiction: latest?.jurisdiction ?? user.licence?.jurisdiction ?? '' }}
        />
      ) : null}
      <RequestHistory requests={list} />
    </>
  )
}

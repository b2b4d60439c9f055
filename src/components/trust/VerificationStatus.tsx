import { VerifiedIcon } from '@/components/site/icons'
import { WithdrawButton } from './VerificationForm'
import styles from './verification.module.css'

export type RequestSummary = {
  id: number
  licenceNumber: string
  jurisdiction: string
  status: 'submitted' | 'approved' | 'rejected' | 'withdrawn'
  submittedAt: string
  decidedAt: string | null
  reason: string | null
  expiresAt: string | null
}

const day = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : ''

const REQUEST_LABEL: Record<RequestSummary['status'], string> = {
  submitted: 'under review',
  approved: 'approved',
  rejected: 'not approved',
  withdrawn: 'withdrawn',
}

/** Where the member stands: pending, verified until a date, rejected with the reason, expired or revoked. */
export function VerificationStatus({ status, verifiedUntil, latest }: { status: string; verifiedUntil: string | null; latest: RequestSummary | null }) {
  let title: React.ReactNode
  let body: React.ReactNode = null
  switch (status) {
    case 'verified':
      title = (
        <>
          <span className="badge badge--verified">
            <VerifiedIcon /> Verified doctor
          </span>
        </>
      )
      body = <p>{verifiedUntil ? `Your licence is verified until ${day(verifiedUntil)}.` : 'Your licence is verified.'}</p>
      break
    case 'pending':
      title = <span className="badge badge--pending">Verification pending</span>
      body = (
        <>
          <p>{latest ? `We received your licence ${latest.licenceNumber} (${latest.jurisdiction}) on ${day(latest.submittedAt)}. A moderator will review it.` : 'A moderator will review your licence.'}</p>
          {latest?.status === 'submitted' ? <WithdrawButton id={latest.id} /> : null}
        </>
      )
      break
    case 'rejected':
      title = <span className="badge">Verification not approved</span>
      body = (
        <>
          <p>Your last request was not approved{latest?.decidedAt ? ` on ${day(latest.decidedAt)}` : ''}. The reviewer wrote:</p>
          {latest?.reason ? <blockquote className={styles.reason}>{latest.reason}</blockquote> : null}
          <p className="muted">You can send your licence again below.</p>
        </>
      )
      break
    case 'expired':
      title = <span className="badge">Verification expired</span>
      body = <p>Your verification ended{latest?.expiresAt ? ` on ${day(latest.expiresAt)}` : ''}. Send your current licence to be verified again.</p>
      break
    case 'revoked':
      title = <span className="badge">Verification revoked</span>
      body = <p>The Rounds team revoked your verified status. You can send a current licence for a new review, or contact us.</p>
      break
    default:
      title = <span className="badge">Not verified yet</span>
      body = <p>Verified doctors get the badge on their profile and posts and can join the verified-only rooms and discussions.</p>
  }
  return (
    <section className={`card ${styles.status}`} aria-labelledby="verification-status">
      <h2 id="verification-status">{title}</h2>
      {body}
    </section>
  )
}

/** Earlier requests, newest first. */
export function RequestHistory({ requests }: { requests: RequestSummary[] }) {
  if (!requests.length) return null
  return (
    <section className={`card ${styles.status}`} aria-labelledby="verification-history">
      <h2 id="verification-history">Your requests</h2>
      <ul className={styles.history}>
        {requests.map((r) => (
          <li key={r.id}>
            {day(r.submittedAt)}: {r.licenceNumber} ({r.jurisdiction}), {REQUEST_LABEL[r.status]}
            {r.status === 'approved' && r.expiresAt ? ` until ${day(r.expiresAt)}` : ''}
          </li>
        ))}
      </ul>
    </section>
  )
}

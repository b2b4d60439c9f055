import type { Metadata } from 'next'
import { headers } from 'next/headers'
import Link from 'next/link'

import styles from '@/components/learning/certificates/certificates.module.css'
import { verifyCertificate, type VerifiedCertificate } from '@/domain/learning/certificates/verify'
import { certificateDate, creditHoursText } from '@/domain/learning/certificates/status'
import { payloadInstance } from '@/lib/session'
import { consume, TooManyRequests } from '@/rate-limit'

export const metadata: Metadata = { title: 'Certificate verification', robots: { index: false, follow: false } }

type Props = { params: Promise<{ code: string }> }

const VERDICTS = {
  valid: { title: 'Valid certificate', line: 'This certificate was issued by Rounds and is valid.' },
  expired: { title: 'Expired certificate', line: 'This certificate was issued by Rounds but is past its expiry date.' },
  revoked: { title: 'Revoked certificate', line: 'This certificate was issued by Rounds and later revoked. It is no longer valid.' },
  invalid: { title: 'Not a valid certificate', line: 'No Rounds certificate has this code. Check that it was typed exactly as printed.' },
} as const

/** Public check of a certificate's code (from its QR code or printed link): no sign-in needed, not indexed. */
export default async function VerifyCertificatePage({ params }: Props) {
  const { code } = await params
  let shown = code.slice(0, 64)
  try {
    shown = decodeURIComponent(code).slice(0, 64)
  } catch {
    // a malformed escape: show it as it came
  }
  const payload = await payloadInstance()
  let cert: VerifiedCertificate | null = null
  try {
    await consume(payload, 'certificate-verify:ip', (await headers()).get('x-rounds-client-ip') || 'unknown')
    cert = await verifyCertificate(payload, shown)
  } catch (err) {
    if (!(err instanceof TooManyRequests)) throw err
    return (
      <div className={styles.narrow}>
        <p className="alert alert--error" role="alert">
          Too many checks from your address. Try again in a minute.
        </p>
      </div>
    )
  }
  const state = cert?.status ?? 'invalid'
  const verdict = VERDICTS[state]
  return (
    <div className={styles.narrow}>
      <section className={`${styles.verdict} ${styles[`verdict_${state}`]}`} aria-live="polite">
        <span className="eyebrow">Certificate verification</span>
        <h1>{verdict.title}</h1>
        <p>{verdict.line}</p>
      </section>
      <div className="card">
        <dl className={styles.details}>
          <dt>Code</dt>
          <dd className={styles.code}>{cert?.code ?? shown}</dd>
          {cert ? (
            <>
              <dt>Awarded to</dt>
              <dd>{cert.learnerName}</dd>
              <dt>Course</dt>
              <dd>{cert.courseTitle}</dd>
              {cert.creditHours ? (
                <>
                  <dt>Credit</dt>
                  <dd>{creditHoursText(cert.creditHours)}</dd>
                </>
              ) : null}
              <dt>Completed</dt>
              <dd>{certificateDate(cert.completedAt)}</dd>
              <dt>Issued</dt>
              <dd>{certificateDate(cert.issuedAt)}</dd>
              <dt>{state === 'expired' ? 'Expired' : 'Valid until'}</dt>
              <dd>{cert.expiresAt ? certificateDate(cert.expiresAt) : 'Does not expire'}</dd>
              {cert.revokedAt ? (
                <>
                  <dt>Revoked</dt>
                  <dd>{certificateDate(cert.revokedAt)}</dd>
                </>
              ) : null}
            </>
          ) : null}
        </dl>
      </div>
      <p className="muted">
        Rounds certificates carry a code that only Rounds can issue. <Link href="/">About Rounds</Link>
      </p>
    </div>
  )
}

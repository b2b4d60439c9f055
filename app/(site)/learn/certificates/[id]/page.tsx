import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import QRCode from 'qrcode'

import { isStaffUser } from '@/access/roles'
import { CertificatePreview } from '@/components/learning/certificates/CertificatePreview'
import { CopyLinkButton } from '@/components/learning/certificates/CopyLinkButton'
import { StatusBadge } from '@/components/learning/certificates/StatusBadge'
import styles from '@/components/learning/certificates/certificates.module.css'
import { readableCertificate } from '@/components/learning/certificates/load'
import { verificationUrl } from '@/domain/learning/certificates/pdf'
import { certificateDate, certificateStatus } from '@/domain/learning/certificates/status'
import { getViewer, payloadInstance } from '@/lib/session'

export const metadata: Metadata = { title: 'Certificate', robots: { index: false } }

type Props = { params: Promise<{ id: string }> }

/** One certificate: what it says, its QR code, the PDF and the verification link. */
export default async function CertificatePage({ params }: Props) {
  const { id } = await params
  const viewer = await getViewer()
  if (!viewer) redirect(`/login?next=${encodeURIComponent(`/learn/certificates/${id}`)}`)
  const n = Number(id)
  if (!Number.isSafeInteger(n) || n <= 0 || n > 2147483647) notFound()
  const cert = await readableCertificate(await payloadInstance(), viewer, n)
  if (!cert) notFound()
  const url = verificationUrl(cert.code)
  const qr = await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 224, color: { dark: '#0b3b4a', light: '#ffffff' } })
  const status = certificateStatus(cert)
  const canDownload = cert.mine || isStaffUser(viewer)
  return (
    <div className={styles.narrow}>
      <header className="page-head">
        <span className="eyebrow">{cert.mine ? <Link href="/learn/certificates">My certificates</Link> : 'Certificate'}</span>
        <h1>{cert.courseTitle}</h1>
        <p>
          <StatusBadge status={status} />{' '}
          {status === 'revoked'
            ? `Revoked on ${certificateDate(cert.revokedAt!)}.`
            : status === 'expired'
              ? `Expired on ${certificateDate(cert.expiresAt!)}.`
              : cert.expiresAt
                ? `Valid until ${certificateDate(cert.expiresAt)}.`
                : 'Does not expire.'}
        </p>
      </header>
      {status === 'revoked' && cert.revokedReason ? (
        <p className="alert alert--error">Reason: {cert.revokedReason}</p>
      ) : null}
      <CertificatePreview cert={cert} qrDataUrl={qr} verifyUrl={url} />
      <div className={styles.actions}>
        {canDownload ? (
          <a className="button" href={`/api/certificates/${cert.id}/pdf`}>
            Download PDF
          </a>
        ) : null}
        <CopyLinkButton url={url} />
        <Link className="button button--plain button--small" href={`/verify/${cert.code}`}>
          Open the verification page
        </Link>
      </div>
    </div>
  )
}

import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'

import { CopyLinkButton } from '@/components/learning/certificates/CopyLinkButton'
import { RecertifyButton } from '@/components/learning/certificates/RecertifyButton'
import { StatusBadge } from '@/components/learning/certificates/StatusBadge'
import styles from '@/components/learning/certificates/certificates.module.css'
import { myCertificates } from '@/components/learning/certificates/load'
import { verificationUrl } from '@/domain/learning/certificates/pdf'
import { certificateDate, certificateStatus, creditHoursText } from '@/domain/learning/certificates/status'
import { getViewer, payloadInstance } from '@/lib/session'

export const metadata: Metadata = { title: 'My certificates', robots: { index: false } }

/** The member's certificates: status, dates, PDF, verification link, and recertification when due. */
export default async function MyCertificatesPage() {
  const viewer = await getViewer()
  if (!viewer) redirect('/login?next=/learn/certificates')
  const certificates = await myCertificates(await payloadInstance(), viewer)
  return (
    <div className={styles.narrow}>
      <header className="page-head">
        <span className="eyebrow">Learning</span>
        <h1>My certificates</h1>
        <p>Certificates of the courses you completed. Anyone can check one with its verification link or the QR code on the PDF.</p>
      </header>
      {certificates.length === 0 ? (
        <div className="card empty">
          <p>You have no certificates yet. Complete a course that awards one and it appears here.</p>
          <Link href="/learn" className="button button--quiet">
            Browse courses
          </Link>
        </div>
      ) : (
        <ul className={styles.list}>
          {certificates.map((cert) => {
            const status = certificateStatus(cert)
            return (
              <li key={cert.id} className={styles.item}>
                <div className={styles.itemHead}>
                  <h2 className={styles.itemTitle}>
                    <Link href={`/learn/certificates/${cert.id}`}>{cert.courseTitle}</Link>
                  </h2>
                  <StatusBadge status={status} />
                </div>
                <dl className={styles.facts}>
                  <div>
                    <dt>Issued</dt>
                    <dd>{certificateDate(cert.issuedAt)}</dd>
                  </div>
                  <div>
                    <dt>{status === 'expired' ? 'Expired' : 'Expires'}</dt>
                    <dd>{cert.expiresAt ? certificateDate(cert.expiresAt) : 'Never'}</dd>
                  </div>
                  {cert.creditHours ? (
                    <div>
                      <dt>Credit</dt>
                      <dd>{creditHoursText(cert.creditHours)}</dd>
                    </div>
                  ) : null}
                </dl>
                {cert.recertify === 'in-progress' ? (
                  <p className={styles.note}>
                    Recertification started: complete the course again for a new certificate.
                    {cert.courseSlug ? (
                      <>
                        {' '}
                        <Link href={`/learn/${cert.courseSlug}`}>Go to the course</Link>
                      </>
                    ) : null}
                  </p>
                ) : null}
                <div className={styles.actions}>
                  <a className="button button--quiet button--small" href={`/api/certificates/${cert.id}/pdf`}>
                    Download PDF
                  </a>
                  <CopyLinkButton url={verificationUrl(cert.code)} />
                  {cert.recertify === 'available' ? (
                    <RecertifyButton courseId={cert.courseId} courseHref={cert.courseSlug ? `/learn/${cert.courseSlug}` : null} />
                  ) : null}
                </div>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}

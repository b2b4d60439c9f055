import { certificateDate, certificateStatus, creditHoursText } from '@/domain/learning/certificates/status'
import styles from './certificates.module.css'

type Props = {
  cert: {
    code: string
    learnerName: string
    courseTitle: string
    creditHours: number | null
    completedAt: string
    issuedAt: string
    expiresAt: string | null
    revokedAt: string | null
  }
  qrDataUrl: string
  verifyUrl: string
}

/** What the PDF says, laid out like it: the learner, the course, credit hours, dates, code and QR code. */
export function CertificatePreview({ cert, qrDataUrl, verifyUrl }: Props) {
  const status = certificateStatus(cert)
  return (
    <figure className={styles.sheet} aria-label="Certificate preview">
      {status !== 'valid' ? (
        <p className={styles.stamp}>{status === 'revoked' ? `Revoked ${certificateDate(cert.revokedAt!)}` : `Expired ${certificateDate(cert.expiresAt!)}`}</p>
      ) : null}
      <p className={styles.brand}>ROUNDS</p>
      <p className={styles.kicker}>Continuing medical education</p>
      <h2 className={styles.heading}>Certificate of Completion</h2>
      <p className={styles.small}>This certifies that</p>
      <p className={styles.learner}>{cert.learnerName}</p>
      <p className={styles.small}>has completed the course</p>
      <p className={styles.course}>{cert.courseTitle}</p>
      {cert.creditHours ? <p className={styles.hours}>Awarded {creditHoursText(cert.creditHours)}</p> : null}
      <p className={styles.dates}>
        <span>Completed {certificateDate(cert.completedAt)}</span>
        <span>Issued {certificateDate(cert.issuedAt)}</span>
        <span>{cert.expiresAt ? `Valid until ${certificateDate(cert.expiresAt)}` : 'Does not expire'}</span>
      </p>
      <div className={styles.verification}>
        <div>
          <p className={styles.small}>Verification code</p>
          <p className={styles.code}>{cert.code}</p>
          <p className={styles.small}>
            Check it at <a href={verifyUrl}>{verifyUrl}</a>
          </p>
        </div>
        {/* eslint-disable-next-line @next/next/no-img-element -- a generated data URL, nothing to optimise */}
        <img className={styles.qr} src={qrDataUrl} width={112} height={112} alt={`QR code of ${verifyUrl}`} />
      </div>
    </figure>
  )
}

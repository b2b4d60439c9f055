import type { CertificateStatus } from '@/domain/learning/certificates/status'
import styles from './certificates.module.css'

const LABELS: Record<CertificateStatus, string> = { valid: 'Valid', expired: 'Expired', revoked: 'Revoked' }

/** Valid, expired or revoked, in words and colour. */
export function StatusBadge({ status }: { status: CertificateStatus }) {
  return <span className={`${styles.status} ${styles[`status_${status}`]}`}>{LABELS[status]}</span>
}

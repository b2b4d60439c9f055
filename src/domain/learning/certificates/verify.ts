import type { Payload } from 'payload'

import { query, sql } from '@/db/sql'
import { checkCode } from './code'
import { certificateStatus, type CertificateStatus } from './status'

/** What anyone holding a certificate's code may learn about it. */
export type VerifiedCertificate = {
  code: string
  status: CertificateStatus
  learnerName: string
  courseTitle: string
  creditHours: number | null
  completedAt: string
  issuedAt: string
  expiresAt: string | null
  revokedAt: string | null
}

type Row = {
  code: string
  learner_name: string
  course_title: string
  credit_hours: string | number | null
  completed_at: Date | string
  issued_at: Date | string
  expires_at: Date | string | null
  revoked_at: Date | string | null
}

const iso = (v: Date | string) => new Date(v).toISOString()

/**
 * The certificate a code stands for, or null for a code that is not genuine (checked by its MAC before
 * any lookup, so invented codes never reach the database) or that names no certificate.
 */
export async function verifyCertificate(payload: Payload, input: unknown, now: Date = new Date()): Promise<VerifiedCertificate | null> {
  const code = checkCode(input)
  if (!code) return null
  const [row] = await query<Row>(
    payload,
    sql`select code, learner_name, course_title, credit_hours, completed_at, issued_at, expires_at, revoked_at
        from certificates where code = ${code}`,
  )
  if (!row) return null
  const cert = {
    code: row.code,
    learnerName: row.learner_name,
    courseTitle: row.course_title,
    creditHours: row.credit_hours === null ? null : Number(row.credit_hours),
    completedAt: iso(row.completed_at),
    issuedAt: iso(row.issued_at),
    expiresAt: row.expires_at ? iso(row.expires_at) : null,
    revokedAt: row.revoked_at ? iso(row.revoked_at) : null,
  }
  return { ...cert, status: certificateStatus(cert, now) }
}

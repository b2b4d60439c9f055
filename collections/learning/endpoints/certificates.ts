import type { Endpoint, PayloadRequest } from 'payload'
import { headersWithCors } from 'payload'
import { z } from 'zod'

import { isStaffUser } from '@/access/roles'
import { memberHandler, memberOperation, routeId } from '../../social/endpoints/shared'
import { recertify, renderCertificatePdf, verifyCertificate, type CertificateText } from '@/domain/learning/certificates'
import { error, json, readBody } from '@/lib/http'
import { relationId } from '@/lib/relation'
import { RuleError } from '@/lib/ruleError'
import { clientIp, consume } from '@/rate-limit'

type Certificate = CertificateText & { id: number; user: unknown }

/** The certificate `:id` if the signed-in member may read it (their own, their course's, or staff); else a 404 RuleError. */
async function readable(req: PayloadRequest): Promise<Certificate> {
  const id = routeId(req)
  if (!id) throw new RuleError('No such certificate.', 404)
  const found = await req.payload.find({
    collection: 'certificates',
    where: { id: { equals: id } },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: false,
    user: req.user,
  })
  const cert = found.docs[0] as unknown as Certificate | undefined
  if (!cert) throw new RuleError('No such certificate.', 404)
  return cert
}

const pdf: Endpoint = {
  path: '/:id/pdf',
  method: 'get',
  custom: memberOperation({
    summary: 'Download a certificate as PDF',
    description: 'A4 landscape, with the verification code and a QR code of its verification page. The learner and staff only.',
    tag: 'certificates',
    responses: { 200: { description: 'application/pdf, as an attachment' }, 403: { description: 'Not your certificate' }, 404: { description: 'No such certificate' } },
  }),
  handler: memberHandler(async (req, me) => {
    const cert = await readable(req)
    if (relationId(cert.user) !== me.id && !isStaffUser(me)) return error(req, 403, 'Only the learner and staff may download this certificate.')
    const bytes = await renderCertificatePdf(cert)
    const headers = headersWithCors({ headers: new Headers(req.responseHeaders), req })
    headers.set('Content-Type', 'application/pdf')
    headers.set('Content-Disposition', `attachment; filename="rounds-certificate-${cert.code}.pdf"`)
    headers.set('Cache-Control', 'private, no-store')
    return new Response(Buffer.from(bytes), { status: 200, headers })
  }),
}

const verify: Endpoint = {
  path: '/verify/:code',
  method: 'get',
  custom: {
    openapi: {
      summary: 'Verify a certificate by its code',
      description: 'Public. Answers whether the certificate is valid, expired or revoked, and what it certifies.',
      tags: ['certificates'],
      security: [],
      parameters: [{ in: 'path', name: 'code', required: true, schema: { type: 'string' }, description: 'The code printed on the certificate, e.g. RND-XXXXXXXX-XXXXXXXXXXXXXXXX' }],
      responses: {
        200: { description: '`{ status: valid|expired|revoked, learnerName, courseTitle, creditHours, completedAt, issuedAt, expiresAt, revokedAt }`' },
        404: { description: 'Not a valid certificate' },
        429: { description: 'Too many checks from this address' },
      },
    },
  },
  handler: async (req) => {
    await consume(req.payload, 'certificate-verify:ip', clientIp(req), req)
    const cert = await verifyCertificate(req.payload, String(req.routeParams?.code ?? ''))
    if (!cert) return error(req, 404, 'Not a valid certificate.')
    return json(req, cert)
  },
}

const recertifyEndpoint: Endpoint = {
  path: '/recertify/:courseId',
  method: 'post',
  custom: {
    openapi: {
      ...memberOperation({
        summary: 'Recertify: re-open a course whose certificate has expired or expires within 60 days',
        description: 'The enrollment goes back to active with its progress cleared; completing the course again issues a new certificate. Old certificates stay verifiable.',
        tag: 'certificates',
        idParam: false,
        responses: {
          200: { description: '`{ enrollment, reopened }`; `reopened` is false when the enrollment was already re-opened' },
          404: { description: 'Not enrolled in this course' },
          409: { description: 'No certificate to renew, not yet due, revoked, never expires, or the enrollment was cancelled' },
        },
      })!.openapi,
      parameters: [{ in: 'path', name: 'courseId', required: true, schema: { type: 'integer' } }],
    },
  },
  handler: memberHandler(async (req, me) => {
    const course = Number(req.routeParams?.courseId)
    if (!Number.isSafeInteger(course) || course <= 0 || course > 2147483647) return error(req, 404, 'No such course.')
    return json(req, await recertify(req.payload, me.id, course))
  }),
}

const RevokeBody = z.object({ reason: z.string().trim().min(3, 'Give a reason (at least 3 characters).').max(500) })

const revoke: Endpoint = {
  path: '/:id/revoke',
  method: 'post',
  custom: memberOperation({
    summary: 'Revoke a certificate (staff)',
    description: 'Records the reason, the time and the staff member, and writes an entry in the audit trail. The certificate then verifies as revoked.',
    tag: 'certificates',
    body: RevokeBody,
    responses: {
      200: { description: 'The revoked certificate' },
      400: { description: 'No reason given' },
      403: { description: 'Staff only' },
      404: { description: 'No such certificate' },
      409: { description: 'Already revoked' },
    },
  }),
  handler: memberHandler(async (req, me) => {
    if (!isStaffUser(me)) return error(req, 403, 'Only staff may revoke certificates.')
    const body = await readBody(req, RevokeBody)
    if (body.response) return body.response
    const cert = (await readable(req)) as Certificate & { revokedAt?: string | null }
    if (cert.revokedAt) return error(req, 409, 'This certificate is already revoked.')
    const doc = await req.payload.update({
      collection: 'certificates',
      id: cert.id,
      data: { revokedReason: body.data.reason },
      depth: 0,
      overrideAccess: false,
      user: req.user,
      req,
    })
    return json(req, doc)
  }),
}

export const certificateEndpoints: Endpoint[] = [verify, recertifyEndpoint, pdf, revoke]

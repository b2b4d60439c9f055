import type { Endpoint } from 'payload'
import { headersWithCors } from 'payload'

import { hasRole } from '@/access/roles'
import { error } from '@/lib/http'
import { recordAudit } from '@/domain/trust/audit'
import { auditCsvStream, CSV_COLUMNS, parseExportFilters } from '@/domain/trust/auditExport'
import { AUDIT_TYPES } from '@/domain/trust/auditTypes'

/**
 * GET /api/audit-events/export.csv?type=&user=&actor=&from=&to= : the audit trail as CSV, for
 * administrators. Streamed oldest first in keyset batches; the export itself is an audit event.
 */
export const auditExport: Endpoint = {
  path: '/export.csv',
  method: 'get',
  custom: {
    openapi: {
      summary: 'Export the audit trail as CSV (administrators)',
      description:
        `Columns: ${CSV_COLUMNS.join(', ')}. Oldest first. Values a spreadsheet would run as formulas are prefixed with an apostrophe. ` +
        '`from` and `to` take a day (YYYY-MM-DD, UTC; `to` includes that whole day) or an ISO date-time. The export is recorded in the audit trail (admin.export).',
      tags: ['audit-events'],
      parameters: [
        { in: 'query', name: 'type', required: false, schema: { type: 'string', enum: Object.keys(AUDIT_TYPES) } },
        { in: 'query', name: 'user', required: false, schema: { type: 'integer' }, description: 'Whom the events are about (member id)' },
        { in: 'query', name: 'actor', required: false, schema: { type: 'integer' }, description: 'Who acted (member id)' },
        { in: 'query', name: 'from', required: false, schema: { type: 'string' }, description: 'Start, inclusive' },
        { in: 'query', name: 'to', required: false, schema: { type: 'string' }, description: 'End; a day is included whole' },
      ],
      responses: {
        200: { description: 'text/csv attachment', content: { 'text/csv': { schema: { type: 'string' } } } },
        400: { description: 'A filter is not valid' },
        401: { description: 'Not signed in' },
        403: { description: 'Not an administrator' },
      },
    },
  },
  handler: async (req) => {
    if (!req.user) return error(req, 401, 'Sign in first.')
    if (req.user.collection !== 'users' || !hasRole(req.user, 'admin')) return error(req, 403, 'Only administrators can export the audit trail.')
    const parsed = parseExportFilters(req.searchParams)
    if ('problem' in parsed) return error(req, 400, parsed.problem)
    await recordAudit(req, { type: 'admin.export', detail: { export: 'audit-events', filters: parsed.filters } })
    const headers = headersWithCors({ headers: new Headers(), req })
    headers.set('Content-Type', 'text/csv; charset=utf-8')
    headers.set('Content-Disposition', `attachment; filename="audit-trail-${new Date().toISOString().slice(0, 10)}.csv"`)
    headers.set('Cache-Control', 'no-store')
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(auditCsvStream(req.payload, parsed.filters), { status: 200, headers })
  },
}

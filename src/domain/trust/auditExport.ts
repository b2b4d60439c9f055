import type { Payload } from 'payload'
import { z } from 'zod'

import { query, sql, type SQL } from '@/db/sql'

/** Rows read per statement while exporting; the export never holds more than one batch. */
export const EXPORT_BATCH_SIZE = 500

const DAY = 24 * 60 * 60 * 1000
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** A bound of the date range: a day (YYYY-MM-DD, in UTC) or an ISO date-time. */
const dateBound = z
  .string()
  .trim()
  .max(40)
  .refine((v) => !Number.isNaN(Date.parse(v)), 'Use a date (YYYY-MM-DD) or an ISO date-time.')

const id = z.coerce.number().int().positive().max(2147483647)

export const ExportFilters = z
  .object({
    type: z
      .string()
      .trim()
      .max(100)
      .regex(/^[a-z0-9._-]+$/i, 'Not an event type.')
      .optional(),
    user: id.optional(),
    actor: id.optional(),
    from: dateBound.optional(),
    to: dateBound.optional(),
  })
  .strict()

export type ExportFilters = z.infer<typeof ExportFilters>

/** The query string's filters (empty values ignored), or the first problem with them. */
export function parseExportFilters(params: URLSearchParams): { filters: ExportFilters } | { problem: string } {
  const raw: Record<string, string> = {}
  for (const [key, value] of params) if (value !== '') raw[key] = value
  const parsed = ExportFilters.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path.join('.') || (issue && 'keys' in issue ? (issue.keys as string[]).join(', ') : '')
    return { problem: `${field ? `${field}: ` : ''}${issue?.message ?? 'Invalid filters.'}` }
  }
  const { from, to } = parsed.data
  if (from && to && rangeStart(from) >= rangeEnd(to)) return { problem: 'to: the end of the range is before its start.' }
  return { filters: parsed.data }
}

const rangeStart = (from: string) => new Date(DATE_ONLY.test(from) ? `${from}T00:00:00Z` : from)
/** Exclusive end: a day includes all of that day. */
const rangeEnd = (to: string) =>
  DATE_ONLY.test(to) ? new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY) : new Date(to)

function conditions(f: ExportFilters): SQL[] {
  const where: SQL[] = []
  if (f.type) where.push(sql`a.type = ${f.type}`)
  if (f.user) where.push(sql`a.user_id = ${f.user}`)
  if (f.actor) where.push(sql`a.actor_id = ${f.actor}`)
  if (f.from) where.push(sql`a.created_at >= ${rangeStart(f.from).toISOString()}::timestamptz`)
  if (f.to) where.push(sql`a.created_at < ${rangeEnd(f.to).toISOString()}::timestamptz`)
  return where
}

export const CSV_COLUMNS = ['id', 'createdAt', 'type', 'userId', 'userEmail', 'actorId', 'actorEmail', 'ip', 'userAgent', 'detail'] as const

type ExportRow = {
  id: number
  created_at: string | Date
  type: string
  user_id: number | null
  user_email: string | null
  actor_id: number | null
  actor_email: string | null
  ip: string | null
  user_agent: string | null
  detail: unknown
}

/**
 * One CSV field (RFC 4180). A value a spreadsheet would run as a formula (starting with = + - @, a
 * tab or a carriage return) gets a leading apostrophe, so it is shown as text (OWASP's advice on CSV
 * injection); a field holding a comma, a quote or a line break is quoted, quotes doubled.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const csvLine = (values: unknown[]) => `${values.map(csvField).join(',')}\r\n`

function toLine(r: ExportRow) {
  const at = r.created_at instanceof Date ? r.created_at : new Date(r.created_at)
  return csvLine([r.id, at.toISOString(), r.type, r.user_id, r.user_email, r.actor_id, r.actor_email, r.ip, r.user_agent, r.detail])
}

/** One batch after the id `after`, oldest first: keyset on the primary key, never OFFSET. */
async function batch(payload: Payload, filters: ExportFilters, after: number, size: number) {
  const where = [sql`a.id > ${after}`, ...conditions(filters)]
  return query<ExportRow>(
    payload,
    sql`select a.id, a.created_at, a.type, a.user_id, u.email as user_email, a.actor_id, ac.email as actor_email,
               a.ip, a.user_agent, a.detail
        from audit_events a
        left join users u on u.id = a.user_id
        left join users ac on ac.id = a.actor_id
        where ${sql.join(where, sql` and `)}
        order by a.id
        limit ${size}`,
  )
}

/**
 * The matching events as a CSV stream: the header, then one batch at a time as the client reads, so
 * memory stays at one batch whatever the size of the trail.
 */
export function auditCsvStream(payload: Payload, filters: ExportFilters, size = EXPORT_BATCH_SIZE): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let after = 0
  let done = false
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(csvLine([...CSV_COLUMNS])))
      },
      async pull(controller) {
        if (done) return
        try {
          const rows = await batch(payload, filters, after, size)
          if (rows.length) {
            controller.enqueue(encoder.encode(rows.map(toLine).join('')))
            after = Number(rows[rows.length - 1].id)
          }
          if (rows.length < size) {
            done = true
            controller.close()
          }
        } catch (err) {
          payload.logger.error({ err, msg: 'Audit trail export failed' })
          controller.error(err)
        }
      },
    },
    { highWaterMark: 1 },
  )
}

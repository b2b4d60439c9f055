import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { cataloguePage, parseCatalogueParams } from '@/domain/learning/catalogue'
import { enroll, unenroll } from '@/domain/learning/enrollment'
import { courseSyllabus } from '@/domain/learning/syllabus'
import { courseEnrollees, teachingSummary } from '@/domain/learning/teaching'
import { error, json } from '@/lib/http'
import { RuleError } from '@/lib/ruleError'
import { memberHandler, memberOperation, routeId, signedInMember } from '../../social/endpoints/shared'

const noSuchCourse = (req: PayloadRequest) => error(req, 404, 'No such course.')

/** A handler open to visitors too, in which a RuleError becomes its 4xx answer. */
const publicHandler =
  (run: (req: PayloadRequest) => Promise<Response>): Endpoint['handler'] =>
  async (req) => {
    try {
      return await run(req)
    } catch (err) {
      if (err instanceof RuleError) return error(req, err.status, err.message)
      throw err
    }
  }

const EnrollBody = z.object({ user: z.number().int().positive().max(2147483647).optional() }).strict()

/** The optional JSON body of enroll/unenroll: nothing (or `{}`) for oneself, `{ user }` for staff. */
async function optionalBody(req: PayloadRequest): Promise<{ user?: number }> {
  const text = ((await req.text?.()) ?? '').trim()
  if (!text) return {}
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new RuleError('The request body must be JSON.', 400)
  }
  const parsed = EnrollBody.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new RuleError(`${issue?.path.length ? `${issue.path.join('.')}: ` : ''}${issue?.message ?? 'Invalid request.'}`, 400)
  }
  return parsed.data
}

const whom = {
  body: EnrollBody,
  bodyNote: 'Staff may pass `{ user }` to act for another member (the enrollment source is then `staff`); members send no body.',
}

const enrollEndpoint: Endpoint = {
  path: '/:id/enroll',
  method: 'post',
  custom: memberOperation({
    summary: 'Enrol in a course',
    description: `Free courses: any member with a confirmed email; premium: members of the premium or pro tier (or with an entitlement); paid: members with an active entitlement. Every prerequisite course must be completed. Idempotent: enrolling twice keeps one enrollment, and enrolling after leaving takes it up again with its progress. ${whom.bodyNote}`,
    tag: 'courses',
    body: EnrollBody,
    responses: {
      200: { description: '`{ enrollment, created, reactivated, enrollmentCount }`' },
      400: { description: 'Bad course id or body' },
      402: { description: 'Premium or paid course without the membership or purchase it needs' },
      403: { description: 'Email not confirmed, or enrolling another member without being staff' },
      404: { description: 'No such published course (or member)' },
      409: { description: 'Prerequisites not completed (named in the message)' },
    },
  }),
  handler: memberHandler(async (req, me) => {
    const id = routeId(req)
    if (!id) return error(req, 400, 'The course id must be a positive whole number.')
    const body = await optionalBody(req)
    return json(req, await enroll(req.payload, me, id, body.user ?? me.id))
  }),
}

const unenrollEndpoint: Endpoint = {
  path: '/:id/unenroll',
  method: 'post',
  custom: memberOperation({
    summary: 'Leave a course',
    description: `The enrollment is cancelled; its progress is kept for a return. A completed course cannot be left. Idempotent. ${whom.bodyNote}`,
    tag: 'courses',
    body: EnrollBody,
    responses: {
      200: { description: '`{ enrollment, cancelled, enrollmentCount }`; `cancelled` is false when there was nothing to cancel' },
      400: { description: 'Bad course id or body' },
      403: { description: 'Unenrolling another member without being staff' },
      404: { description: 'No such course' },
      409: { description: 'The course is completed' },
    },
  }),
  handler: memberHandler(async (req, me) => {
    const id = routeId(req)
    if (!id) return error(req, 400, 'The course id must be a positive whole number.')
    const body = await optionalBody(req)
    return json(req, await unenroll(req.payload, me, id, body.user ?? me.id))
  }),
}

const syllabusEndpoint: Endpoint = {
  path: '/:id/syllabus',
  method: 'get',
  custom: {
    openapi: {
      summary: 'The syllabus of a course',
      description:
        'Modules and lessons in order (id, title, kind, order, estimatedMinutes, preview, weight, required, opensAt, released), never their content. For an enrolled learner each lesson also has `progress` (status, fraction) and `opensAt` counts drip release from their enrollment. Public for published courses.',
      tags: ['courses'],
      parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'integer' } }],
      responses: { 200: { description: '`{ course, enrollment, modules }`' }, 400: { description: 'Bad course id' }, 404: { description: 'No such published course' } },
    },
  },
  handler: publicHandler(async (req) => {
    const id = routeId(req)
    if (!id) return error(req, 400, 'The course id must be a positive whole number.')
    return json(req, await courseSyllabus(req.payload, id, signedInMember(req)))
  }),
}

const PageQuery = z.object({
  cursor: z.string().max(200, 'That cursor is not valid.').optional(),
  before: z.string().regex(/^\d{1,10}$/, 'before must be a whole number.').transform(Number).optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'limit must be a whole number.')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 100, 'limit must be from 1 to 100.')
    .optional(),
})

function pageQuery(req: PayloadRequest) {
  const parsed = PageQuery.safeParse(Object.fromEntries(req.searchParams))
  if (!parsed.success) throw new RuleError(parsed.error.issues[0]?.message ?? 'Invalid query.', 400)
  return parsed.data
}

const pagingParameters = [
  { in: 'query', name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
]

const enrolleesEndpoint: Endpoint = {
  path: '/:id/enrollees',
  method: 'get',
  custom: {
    openapi: {
      ...memberOperation({
        summary: 'Learners of a course, with its enrollment statistics',
        description:
          'For the instructors of the course and staff: counts of active, completed and cancelled enrollments, completion rate and average progress, and the newest enrollees (name, enrolled at, progress), by keyset cursor.',
        tag: 'courses',
        responses: {
          200: { description: '`{ course, stats, enrollees, nextCursor }`' },
          400: { description: 'Bad id, cursor or limit' },
          403: { description: 'Not an instructor of this course nor staff' },
          404: { description: 'No such course' },
        },
      })!.openapi,
      parameters: [
        { in: 'path', name: 'id', required: true, schema: { type: 'integer' } },
        { in: 'query', name: 'cursor', schema: { type: 'string' }, description: 'nextCursor of the previous page' },
        ...pagingParameters,
      ],
    },
  },
  handler: memberHandler(async (req, me) => {
    const id = routeId(req)
    if (!id) return noSuchCourse(req)
    const { cursor, limit } = pageQuery(req)
    return json(req, await courseEnrollees(req.payload, me, id, { cursor, limit }))
  }),
}

const teachingEndpoint: Endpoint = {
  path: '/teaching',
  method: 'get',
  custom: {
    openapi: {
      ...memberOperation({
        summary: 'The courses you teach, with their enrollment statistics',
        description: 'Instructors see the courses that list them; staff see every course. Newest first, by keyset (`before`: the last id of the previous page).',
        tag: 'courses',
        idParam: false,
        responses: { 200: { description: '`{ courses, nextBefore }`' }, 400: { description: 'Bad before or limit' }, 403: { description: 'Neither an instructor nor staff' } },
      })!.openapi,
      parameters: [{ in: 'query', name: 'before', schema: { type: 'integer' } }, ...pagingParameters],
    },
  },
  handler: memberHandler(async (req, me) => {
    const { before, limit } = pageQuery(req)
    return json(req, await teachingSummary(req.payload, me, { before, limit }))
  }),
}

const catalogueEndpoint: Endpoint = {
  path: '/catalogue',
  method: 'get',
  custom: {
    openapi: {
      summary: 'The course catalogue',
      description: 'Published courses as cards (cover, instructors, duration, credit hours, pricing), newest first, by keyset (`before`: the last id shown).',
      tags: ['courses'],
      parameters: [
        { in: 'query', name: 'q', schema: { type: 'string', maxLength: 200 }, description: 'Words of the title or summary' },
        { in: 'query', name: 'specialty', schema: { type: 'integer' } },
        { in: 'query', name: 'level', schema: { type: 'string', enum: ['introductory', 'intermediate', 'advanced'] } },
        { in: 'query', name: 'pricing', schema: { type: 'string', enum: ['free', 'premium', 'paid'] } },
        { in: 'query', name: 'before', schema: { type: 'integer' } },
        { in: 'query', name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 48, default: 12 } },
      ],
      responses: { 200: { description: '`{ courses, nextBefore }`' }, 400: { description: 'Bad filter' } },
    },
  },
  handler: publicHandler(async (req) => json(req, await cataloguePage(req.payload, parseCatalogueParams(req.searchParams)))),
}

export const courseEndpoints: Endpoint[] = [teachingEndpoint, catalogueEndpoint, enrollEndpoint, unenrollEndpoint, syllabusEndpoint, enrolleesEndpoint]

import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { isStaffUser } from '@/access/roles'
import { lessonMediaUrl, markLessonRead, recordHeartbeat, recordPagesViewed } from '@/domain/learning/player'
import { error, json, readBody } from '@/lib/http'
import { RuleError } from '@/lib/ruleError'
import { consume } from '@/rate-limit'
import { memberHandler, memberOperation, routeId, signedInMember } from '../../social/endpoints/shared'

const noSuchLesson = (req: PayloadRequest) => error(req, 404, 'No such lesson.')

/** Progress written by a call, as the player shows it. */
const progressOf = (r: { lesson: { status: string; fraction: number; position: number | null }; course: { progress: number; completed: boolean } }) => ({
  status: r.lesson.status,
  fraction: r.lesson.fraction,
  position: r.lesson.position,
  courseProgress: r.course.progress,
  courseCompleted: r.course.completed,
})

type Learner = { id: number; staff: boolean }

/**
 * A progress call of a signed-in member on lesson `:id`: the id checked, the member's rate limit spent,
 * then `run` with the learner and the lesson.
 */
const progressHandler = (policy: 'lesson-heartbeat:user' | 'lesson-progress:user', run: (req: PayloadRequest, learner: Learner, lesson: number) => Promise<Response>) =>
  memberHandler(async (req, me) => {
    const id = routeId(req)
    if (!id) return noSuchLesson(req)
    await consume(req.payload, policy, String(me.id), req)
    return run(req, { id: Number(me.id), staff: isStaffUser(me) }, id)
  })

const mediaEndpoint: Endpoint = {
  path: '/:id/media',
  method: 'get',
  custom: memberOperation({
    summary: 'A short-lived URL of the lesson video or document',
    description:
      'For whoever may open the lesson: enrolled learners once it is released, the course instructors and staff; a preview lesson for everyone. The URL is signed for the caller and expires after 10 minutes; ask again for a new one (the player does when a video has to reload).',
    tag: 'lessons',
    responses: {
      200: { description: '`{ url, expiresAt, mimeType }`' },
      403: { description: 'Not enrolled, or the lesson is not released yet' },
      404: { description: 'No such lesson, or it has no file' },
    },
  }),
  // Preview lessons are open to visitors too, so this one does not require a member.
  handler: async (req) => {
    const id = routeId(req)
    if (!id) return noSuchLesson(req)
    const me = signedInMember(req)
    try {
      if (me) await consume(req.payload, 'lesson-progress:user', String(me.id), req)
      const signed = await lessonMediaUrl(req.payload, me ? { id: Number(me.id), staff: isStaffUser(me) } : null, id)
      return json(req, signed)
    } catch (err) {
      if (err instanceof RuleError) return error(req, err.status, err.message)
      throw err
    }
  },
}

const Seconds = z.number().finite().min(0).max(24 * 3600)
const HeartbeatBody = z.object({
  intervals: z.array(z.tuple([z.number().finite(), z.number().finite()])).max(500),
  position: Seconds.optional(),
  duration: z.number().finite().positive().max(24 * 3600).optional(),
})

const heartbeatEndpoint: Endpoint = {
  path: '/:id/heartbeat',
  method: 'post',
  custom: memberOperation({
    summary: 'Report watched parts of a lesson video',
    description:
      '`intervals` are the `[from, to]` seconds of the video played since the previous heartbeat; `position` is where to resume. The server merges them with what it stored and counts only time that can really have been watched: parts beyond the video, negative or already counted are ignored, and one heartbeat adds at most twice the wall-clock time since the previous one (plus a few seconds). The lesson is complete at 90% watched. `duration` is read only when the lesson states no length.',
    tag: 'lessons',
    body: HeartbeatBody,
    responses: {
      200: { description: '`{ status, fraction, position, watchedSeconds, duration, courseProgress, courseCompleted }`' },
      400: { description: 'Malformed intervals, or not a video lesson' },
      403: { description: 'Not enrolled, or the lesson is not released yet' },
      404: { description: 'No such lesson' },
      429: { description: 'Too many heartbeats' },
    },
  }),
  handler: progressHandler('lesson-heartbeat:user', async (req, learner, id) => {
    const body = await readBody(req, HeartbeatBody)
    if (body.response) return body.response
    const r = await recordHeartbeat(req.payload, learner, id, body.data)
    return json(req, { ...progressOf(r), watchedSeconds: r.watchedSeconds, duration: r.duration })
  }),
}

const PagesBody = z.object({ pages: z.array(z.number().int().min(1).max(100_000)).min(1).max(1000) })

const pagesViewedEndpoint: Endpoint = {
  path: '/:id/pages-viewed',
  method: 'post',
  custom: memberOperation({
    summary: 'Report pages of a lesson document shown to you',
    description: 'Pages are numbered from 1 to the document’s page count. The lesson is complete once every page was viewed; the last page sent is where it reopens.',
    tag: 'lessons',
    body: PagesBody,
    responses: {
      200: { description: '`{ status, fraction, position, pages, pageCount, courseProgress, courseCompleted }`' },
      400: { description: 'A page outside the document, or not a document lesson' },
      403: { description: 'Not enrolled, or the lesson is not released yet' },
      404: { description: 'No such lesson' },
    },
  }),
  handler: progressHandler('lesson-progress:user', async (req, learner, id) => {
    const body = await readBody(req, PagesBody)
    if (body.response) return body.response
    const r = await recordPagesViewed(req.payload, learner, id, body.data.pages)
    return json(req, { ...progressOf(r), pages: r.pages, pageCount: r.pageCount })
  }),
}

const readEndpoint: Endpoint = {
  path: '/:id/read',
  method: 'post',
  custom: memberOperation({
    summary: 'Mark a text lesson as read',
    description: 'The player sends it once the end of the text was on screen, or when the learner presses "Mark as read" there.',
    tag: 'lessons',
    responses: {
      200: { description: '`{ status, fraction, position, courseProgress, courseCompleted }`' },
      400: { description: 'Not a text lesson' },
      403: { description: 'Not enrolled, or the lesson is not released yet' },
      404: { description: 'No such lesson' },
    },
  }),
  handler: progressHandler('lesson-progress:user', async (req, learner, id) => {
    const r = await markLessonRead(req.payload, learner, id)
    return json(req, progressOf(r))
  }),
}

/** The lesson player's endpoints on /api/lessons. */
export const lessonPlayerEndpoints: Endpoint[] = [mediaEndpoint, heartbeatEndpoint, pagesViewedEndpoint, readEndpoint]

import type { Endpoint, PayloadRequest } from 'payload'

import { commitRuntime, loadRuntime, MAX_CMI_CHARS, runtimeCommitBody } from '@/domain/learning/scorm/runtime'
import type { ScormItem, ScormStandard } from '@/domain/learning/scorm/manifest'
import { error, json, readBody } from '@/lib/http'
import { memberHandler, memberOperation, routeId } from '../../social/endpoints/shared'

type PackageDoc = { id: number; course: number; standard: ScormStandard; items?: ScormItem[] | null; scos?: { identifier: string }[] | null }

/** The package when the member may read it (enrolled in its course, teaching it, or staff). */
async function readablePackage(req: PayloadRequest, id: number): Promise<PackageDoc | null> {
  // Payload answers Forbidden when access is false for the member: to them the package does not exist.
  const found = await req.payload
    .find({
    collection: 'scorm-packages',
    where: { id: { equals: id } },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: false,
    user: req.user,
    select: { items: true, scos: true, standard: true, course: true },
    })
    .catch((err: { status?: number }) => {
      if (err?.status === 403) return { docs: [] }
      throw err
    })
  return (found.docs[0] as unknown as PackageDoc) ?? null
}

function masteryScore(items: ScormItem[] | null | undefined, sco: string): number | undefined {
  for (const item of items ?? []) {
    if (item.identifier === sco) return item.masteryScore
    const inner = masteryScore(item.children, sco)
    if (inner !== undefined) return inner
  }
  return undefined
}

const scoParam = (req: PayloadRequest): string | null => {
  const sco = req.searchParams?.get('sco') ?? null
  return sco && sco.length <= 255 ? sco : null
}

const getRuntime: Endpoint = {
  path: '/:id/runtime',
  method: 'get',
  custom: memberOperation({
    summary: "A learner's stored SCORM data for one SCO",
    description:
      'Query `sco=<item identifier>`. Answers `{ sco, standard, tracked, cmi, totalSeconds, completed }`: `cmi` is ready for scorm-again\'s loadFromJSON (status, location, score, suspend data, entry, total time). `tracked` is false for instructors and staff who are not enrolled: their commits are not kept.',
    tag: 'learning',
    responses: { 200: { description: 'The stored state' }, 400: { description: 'No `sco`, or not a SCO of the package' }, 404: { description: 'No such package, or not yours to open' } },
  }),
  handler: memberHandler(async (req, me) => {
    const id = routeId(req)
    const sco = scoParam(req)
    if (!id) return error(req, 404, 'No such SCORM package.')
    if (!sco) return error(req, 400, 'Say which SCO: ?sco=<item identifier>.')
    const pkg = await readablePackage(req, id)
    if (!pkg) return error(req, 404, 'No such SCORM package.')
    const user = req.user as unknown as { id: number; name?: string }
    const state = await loadRuntime(req.payload, {
      user: { id: me.id, name: user.name },
      pkg: { id, course: Number(pkg.course), standard: pkg.standard, scos: pkg.scos ?? [] },
      sco,
      masteryScore: masteryScore(pkg.items, sco),
    })
    return json(req, state)
  }),
}

const putRuntime: Endpoint = {
  path: '/:id/runtime',
  method: 'put',
  custom: memberOperation({
    summary: "Commit a learner's SCORM data for one SCO",
    description:
      'Query `sco=<item identifier>`. Body `{ session, terminate?, cmi }`: `cmi` as scorm-again renders it (SCORM 1.2 `core.*` or SCORM 2004 `completion_status`, `success_status`, `score.*` ...). Suspend data is limited to 4096 characters in SCORM 1.2 and 64000 in SCORM 2004. Session time is added to the total once per `session`. The lesson is completed when every SCO is (1.2: completed or passed; 2004: completed and not failed).',
    tag: 'learning',
    body: runtimeCommitBody,
    responses: {
      200: { description: '`{ sco, completed, totalSeconds, lesson, course }`' },
      400: { description: 'Invalid cmi data or unknown SCO' },
      403: { description: 'Not enrolled in the course' },
      404: { description: 'No such package, or not yours to open' },
      413: { description: 'The cmi data is too large' },
    },
  }),
  handler: memberHandler(async (req, me) => {
    const id = routeId(req)
    const sco = scoParam(req)
    if (!id) return error(req, 404, 'No such SCORM package.')
    if (!sco) return error(req, 400, 'Say which SCO: ?sco=<item identifier>.')
    const length = Number(req.headers.get('content-length') ?? 0)
    if (length > MAX_CMI_CHARS * 2) return error(req, 413, 'The cmi data is too large.')
    if (!(await readablePackage(req, id))) return error(req, 404, 'No such SCORM package.')
    const body = await readBody(req, runtimeCommitBody)
    if (body.response) return body.response
    const result = await commitRuntime(req.payload, { user: me.id, packageId: id, sco, body: body.data })
    return json(req, { sco: result.sco, completed: result.completed, totalSeconds: result.totalSeconds, lesson: result.progress.lesson, course: result.progress.course })
  }),
}

export const scormRuntimeEndpoints: Endpoint[] = [getRuntime, putRuntime]

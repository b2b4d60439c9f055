import type { Payload } from 'payload'
import { z } from 'zod'

import { query, sql, transaction, type Db } from '@/db/sql'
import { recordLessonProgress, type ProgressResult } from '@/domain/learning/progress'
import { RuleError } from '@/lib/ruleError'
import type { ScormStandard } from './manifest'
import { formatCmiTimespan, formatIsoDuration, parseCmiTimespan, parseIsoDuration } from './time'

/** The largest cmi object a commit may carry (interactions and objectives included), as JSON characters. */
export const MAX_CMI_CHARS = 256 * 1024

const decimal = z
  .union([z.number(), z.string().trim().regex(/^-?\d{1,7}(\.\d{1,7})?$/, 'must be a number'), z.literal('')])
  .transform((v) => (v === '' ? null : Number(v)))
  .refine((v) => v === null || (v >= -1e6 && v <= 1e6), 'is out of range')
const optionalText = (max: number, what: string) => z.string().max(max, `${what} is limited to ${max} characters`).optional()

/** SCORM 1.2 cmi, as scorm-again renders it; what is checked is what the server keeps. */
const cmi12 = z
  .object({
    suspend_data: optionalText(4096, 'cmi.suspend_data'),
    core: z
      .object({
        lesson_status: z.enum(['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted', '']).optional(),
        lesson_location: optionalText(255, 'cmi.core.lesson_location'),
        exit: z.enum(['time-out', 'suspend', 'logout', '']).optional(),
        session_time: z
          .string()
          .max(20)
          .refine((v) => v === '' || parseCmiTimespan(v) !== null, 'cmi.core.session_time must be a time span HHHH:MM:SS.SS')
          .optional(),
        score: z.object({ raw: decimal.optional(), min: decimal.optional(), max: decimal.optional() }).optional(),
      })
      .passthrough()
      .optional(),
  })
  .passthrough()

/** SCORM 2004 cmi. */
const cmi2004 = z
  .object({
    completion_status: z.enum(['completed', 'incomplete', 'not attempted', 'unknown', '']).optional(),
    success_status: z.enum(['passed', 'failed', 'unknown', '']).optional(),
    location: optionalText(1000, 'cmi.location'),
    suspend_data: optionalText(64000, 'cmi.suspend_data'),
    exit: z.enum(['time-out', 'suspend', 'logout', 'normal', '']).optional(),
    session_time: z
      .string()
      .max(64)
      .refine((v) => v === '' || parseIsoDuration(v) !== null, 'cmi.session_time must be an ISO 8601 duration (PT1H2M3S)')
      .optional(),
    progress_measure: decimal.refine((v) => v === null || (v >= 0 && v <= 1), 'cmi.progress_measure is between 0 and 1').optional(),
    score: z
      .object({
        scaled: decimal.refine((v) => v === null || (v >= -1 && v <= 1), 'cmi.score.scaled is between -1 and 1').optional(),
        raw: decimal.optional(),
        min: decimal.optional(),
        max: decimal.optional(),
      })
      .optional(),
  })
  .passthrough()

/** The body of PUT /api/scorm-packages/:id/runtime: one commit of the SCO's cmi data. */
export const runtimeCommitBody = z.object({
  /** Chosen by the player for each launch: commits of one launch share it, so session time is counted once. */
  session: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'session must be 8 to 64 letters, digits, - or _'),
  /** The commit of LMSFinish / Terminate. */
  terminate: z.boolean().optional(),
  cmi: z.record(z.string(), z.unknown()),
})
export type RuntimeCommit = z.infer<typeof runtimeCommitBody>

/** What the server keeps of one SCO for one learner. */
type Extract = {
  lessonStatus: string | null
  completionStatus: string | null
  successStatus: string | null
  scoreRaw: number | null
  scoreMin: number | null
  scoreMax: number | null
  scoreScaled: number | null
  progressMeasure: number | null
  location: string | null
  suspendData: string | null
  exit: string | null
  sessionSeconds: number | null
}

function issue(err: z.ZodError): RuleError {
  const first = err.issues[0]
  const where = first?.path.length ? `cmi.${first.path.join('.')}: ` : ''
  return new RuleError(`${where}${first?.message ?? 'Invalid cmi data.'}`, 400)
}

/** Validates the cmi of a commit for the package's standard and keeps what the server tracks. */
export function extractCmi(standard: ScormStandard, cmi: Record<string, unknown>): Extract {
  if (JSON.stringify(cmi).length > MAX_CMI_CHARS) throw new RuleError(`The cmi data is larger than ${MAX_CMI_CHARS / 1024} KB.`, 413)
  const blank = (v: string | undefined) => (v === undefined || v === '' ? null : v)
  if (standard === 'scorm12') {
    const parsed = cmi12.safeParse(cmi)
    if (!parsed.success) throw issue(parsed.error)
    const core = parsed.data.core ?? {}
    return {
      lessonStatus: blank(core.lesson_status),
      completionStatus: null,
      successStatus: null,
      scoreRaw: core.score?.raw ?? null,
      scoreMin: core.score?.min ?? null,
      scoreMax: core.score?.max ?? null,
      scoreScaled: null,
      progressMeasure: null,
      location: core.lesson_location ?? null,
      suspendData: parsed.data.suspend_data ?? null,
      exit: core.exit ?? null,
      sessionSeconds: core.session_time ? parseCmiTimespan(core.session_time) : null,
    }
  }
  const parsed = cmi2004.safeParse(cmi)
  if (!parsed.success) throw issue(parsed.error)
  const d = parsed.data
  return {
    lessonStatus: null,
    completionStatus: blank(d.completion_status),
    successStatus: blank(d.success_status),
    scoreRaw: d.score?.raw ?? null,
    scoreMin: d.score?.min ?? null,
    scoreMax: d.score?.max ?? null,
    scoreScaled: d.score?.scaled ?? null,
    progressMeasure: d.progress_measure ?? null,
    location: d.location ?? null,
    suspendData: d.suspend_data ?? null,
    exit: d.exit ?? null,
    sessionSeconds: d.session_time ? parseIsoDuration(d.session_time) : null,
  }
}

type Row = {
  sco: string
  lesson_status: string | null
  completion_status: string | null
  success_status: string | null
  score_raw: string | number | null
  score_min: string | number | null
  score_max: string | number | null
  score_scaled: string | number | null
  location: string | null
  suspend_data: string | null
  exit: string | null
  session_id: string | null
  session_seconds: string | number | null
  prior_seconds: string | number | null
  total_seconds: string | number | null
}
const num = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Number(v))

/** Whether a SCO counts as done: 1.2 completed or passed; 2004 completed and not failed. */
export function scoDone(standard: ScormStandard, row: Pick<Row, 'lesson_status' | 'completion_status' | 'success_status'>): boolean {
  if (standard === 'scorm12') return row.lesson_status === 'completed' || row.lesson_status === 'passed'
  return row.completion_status === 'completed' && row.success_status !== 'failed'
}

/** The SCO's score as a percent: scaled when reported, else raw within min..max (or 0..100). */
export function scorePercent(row: Pick<Row, 'score_raw' | 'score_min' | 'score_max' | 'score_scaled'>): number | null {
  const scaled = num(row.score_scaled)
  if (scaled !== null) return Math.max(0, Math.min(100, scaled * 100))
  const raw = num(row.score_raw)
  if (raw === null) return null
  const min = num(row.score_min) ?? 0
  const max = num(row.score_max) ?? 100
  const pct = max > min ? ((raw - min) / (max - min)) * 100 : raw
  return Math.max(0, Math.min(100, pct))
}

type PackageRow = { id: number; lesson_id: number | null; course_id: number | null; standard: ScormStandard; scos: { identifier: string; title: string }[] | string | null }

async function packageRow(db: Db | Payload, packageId: number): Promise<PackageRow & { scos: { identifier: string; title: string }[] }> {
  const [pkg] = await query<PackageRow>(db, sql`select id, lesson_id, course_id, standard, scos from scorm_packages where id = ${packageId}`)
  if (!pkg || pkg.lesson_id === null || pkg.course_id === null) throw new RuleError('No such SCORM package.', 404)
  const scos = typeof pkg.scos === 'string' ? JSON.parse(pkg.scos) : (pkg.scos ?? [])
  return { ...pkg, scos }
}

export type CommitResult = { sco: string; completed: boolean; totalSeconds: number; progress: ProgressResult }

/**
 * Stores one commit of a learner's cmi for one SCO and maps the package into lesson progress, in one
 * transaction. The learner's enrollment is locked first, so commits of several SCOs at once are
 * serialised and each sees the others' results when it counts the SCOs done.
 *
 * Session time: commits of one launch (same `session`) replace that launch's time; a new launch first
 * adds the previous launch's time to the total. Total = earlier launches + this launch.
 */
export async function commitRuntime(payload: Payload, args: { user: number; packageId: number; sco: string; body: RuntimeCommit }): Promise<CommitResult> {
  const { user, packageId, sco, body } = args
  return transaction(payload, async (tx) => {
    const pkg = await packageRow(tx, packageId)
    if (!pkg.scos.some((s) => s.identifier === sco)) throw new RuleError(`The package has no SCO "${sco.slice(0, 80)}".`, 400)
    const cmi = extractCmi(pkg.standard, body.cmi)

    const [enrollment] = await query<{ status: string }>(
      tx,
      sql`select status from enrollments where user_id = ${user} and course_id = ${pkg.course_id} for update`,
    )
    if (!enrollment || enrollment.status === 'cancelled') throw new RuleError('Enrol in the course first: progress is kept for learners.', 403)

    const [saved] = await query<Row>(
      tx,
      sql`insert into scorm_runtime as r (user_id, package_id, lesson_id, course_id, sco, standard, lesson_status, completion_status, success_status,
            score_raw, score_min, score_max, score_scaled, progress_measure, location, suspend_data, exit, session_id, session_seconds,
            prior_seconds, total_seconds, cmi, updated_at, created_at)
          values (${user}, ${packageId}, ${pkg.lesson_id}, ${pkg.course_id}, ${sco}, ${pkg.standard}, ${cmi.lessonStatus}, ${cmi.completionStatus},
            ${cmi.successStatus}, ${cmi.scoreRaw}, ${cmi.scoreMin}, ${cmi.scoreMax}, ${cmi.scoreScaled}, ${cmi.progressMeasure}, ${cmi.location},
            ${cmi.suspendData}, ${cmi.exit}, ${body.session}, ${cmi.sessionSeconds ?? 0}, 0, ${cmi.sessionSeconds ?? 0},
            ${JSON.stringify(body.cmi)}::jsonb, now(), now())
          on conflict (user_id, package_id, sco) do update set
            lesson_status = coalesce(excluded.lesson_status, r.lesson_status),
            completion_status = coalesce(excluded.completion_status, r.completion_status),
            success_status = coalesce(excluded.success_status, r.success_status),
            score_raw = coalesce(excluded.score_raw, r.score_raw),
            score_min = coalesce(excluded.score_min, r.score_min),
            score_max = coalesce(excluded.score_max, r.score_max),
            score_scaled = coalesce(excluded.score_scaled, r.score_scaled),
            progress_measure = coalesce(excluded.progress_measure, r.progress_measure),
            location = coalesce(excluded.location, r.location),
            suspend_data = coalesce(excluded.suspend_data, r.suspend_data),
            exit = coalesce(excluded.exit, r.exit),
            prior_seconds = case when r.session_id is distinct from excluded.session_id
              then coalesce(r.prior_seconds, 0) + coalesce(r.session_seconds, 0) else coalesce(r.prior_seconds, 0) end,
            session_seconds = case when ${cmi.sessionSeconds === null}
              then (case when r.session_id is distinct from excluded.session_id then 0 else coalesce(r.session_seconds, 0) end)
              else excluded.session_seconds end,
            session_id = excluded.session_id,
            cmi = excluded.cmi,
            updated_at = now()
          returning sco, lesson_status, completion_status, success_status, score_raw, score_min, score_max, score_scaled,
            location, suspend_data, exit, session_id, session_seconds, prior_seconds, total_seconds`,
    )
    // total_seconds follows from the two parts; kept as a column for reports and the admin.
    const [timed] = await query<{ total_seconds: string | number }>(
      tx,
      sql`update scorm_runtime set total_seconds = coalesce(prior_seconds, 0) + coalesce(session_seconds, 0)
          where user_id = ${user} and package_id = ${packageId} and sco = ${sco} returning total_seconds`,
    )

    const rows = await query<Row>(
      tx,
      sql`select sco, lesson_status, completion_status, success_status, score_raw, score_min, score_max, score_scaled
          from scorm_runtime where user_id = ${user} and package_id = ${packageId}`,
    )
    const known = new Set(pkg.scos.map((s) => s.identifier))
    const done = rows.filter((r) => known.has(r.sco) && scoDone(pkg.standard, r)).map((r) => r.sco)
    const scores = rows.filter((r) => known.has(r.sco)).map(scorePercent).filter((s): s is number => s !== null)
    const total = pkg.scos.length
    const progress = await recordLessonProgress(payload, tx, {
      user,
      lesson: Number(pkg.lesson_id),
      update: {
        fraction: total ? done.length / total : 0,
        completed: total > 0 && done.length === total,
        ...(scores.length ? { score: Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 } : {}),
        detail: { scorm: { package: packageId, scos: total, done } },
      },
    })
    return { sco, completed: scoDone(pkg.standard, saved), totalSeconds: Number(timed?.total_seconds ?? 0), progress }
  })
}

export type RuntimeState = {
  sco: string
  standard: ScormStandard
  /** Whether commits are kept: the viewer is enrolled (an instructor or staff previewing is not). */
  tracked: boolean
  /** For scorm-again's loadFromJSON, before the SCO initialises. */
  cmi: Record<string, unknown>
  totalSeconds: number
  completed: boolean
}

/** What the player preloads for a learner's SCO: stored status, location, score, suspend data and total time. */
export async function loadRuntime(
  payload: Payload,
  args: {
    user: { id: number; name?: string | null }
    /** The package as read for the viewer (one statement fewer), or its id. */
    pkg: number | { id: number; course: number; standard: ScormStandard; scos: { identifier: string }[] }
    sco: string
    masteryScore?: number
  },
): Promise<RuntimeState> {
  const { user, sco } = args
  const pkg =
    typeof args.pkg === 'number'
      ? await packageRow(payload, args.pkg).then((p) => ({ id: Number(p.id), course: Number(p.course_id), standard: p.standard, scos: p.scos }))
      : args.pkg
  const packageId = pkg.id
  if (!pkg.scos.some((s) => s.identifier === sco)) throw new RuleError(`The package has no SCO "${sco.slice(0, 80)}".`, 400)
  const [row] = await query<Row & { enrolled: boolean }>(
    payload,
    sql`select r.*, (select status in ('active', 'completed') from enrollments where user_id = ${user.id} and course_id = ${pkg.course}) as enrolled
        from (select 1) one
        left join scorm_runtime r on r.user_id = ${user.id} and r.package_id = ${packageId} and r.sco = ${sco}`,
  )
  const tracked = Boolean(row?.enrolled)
  const stored = row && row.sco ? row : null
  const total = num(stored?.total_seconds) ?? 0
  const entry = !stored ? 'ab-initio' : stored.exit === 'suspend' ? 'resume' : ''
  const str = (v: string | number | null | undefined) => (v === null || v === undefined ? undefined : String(v))
  const name = (user.name ?? '').slice(0, 250)
  let cmi: Record<string, unknown>
  if (pkg.standard === 'scorm12') {
    cmi = {
      core: {
        student_id: String(user.id),
        student_name: name,
        lesson_status: stored?.lesson_status ?? undefined,
        lesson_location: stored?.location ?? undefined,
        entry,
        total_time: formatCmiTimespan(total),
        score: { raw: str(stored?.score_raw), min: str(stored?.score_min), max: str(stored?.score_max) },
      },
      suspend_data: stored?.suspend_data ?? undefined,
      ...(args.masteryScore !== undefined ? { student_data: { mastery_score: String(args.masteryScore) } } : {}),
    }
  } else {
    cmi = {
      learner_id: String(user.id),
      learner_name: name,
      completion_status: stored?.completion_status ?? undefined,
      success_status: stored?.success_status ?? undefined,
      location: stored?.location ?? undefined,
      suspend_data: stored?.suspend_data ?? undefined,
      entry,
      total_time: formatIsoDuration(total),
      score: { scaled: str(stored?.score_scaled), raw: str(stored?.score_raw), min: str(stored?.score_min), max: str(stored?.score_max) },
    }
  }
  return { sco, standard: pkg.standard, tracked, cmi: JSON.parse(JSON.stringify(cmi)), totalSeconds: total, completed: stored ? scoDone(pkg.standard, stored) : false }
}

import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, type CollectionBeforeValidateHook, type CollectionConfig } from 'payload'

import { query, sql, sqlFor } from '@/db/sql'
import { REVIEW_POLICIES } from '@/domain/learning/quiz/grading'
import { relationId } from '@/lib/relation'
import { hasRole, isStaffUser } from '@/access/roles'
import { canAuthorIn, courseChildAuthorWhere, teaches } from './access'
import { courseOfLesson, fieldAuthorsOnly, quizRead } from './quizAccess'
import { quizEndpoints } from './quizEndpoints'

const bad = (message: string) => new APIError(message, 400, null, true)

/** A quiz is the content of a lesson of kind quiz; its course is copied from the lesson for access. */
const courseFromLesson: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  const lessonId = relationId(data?.lesson ?? originalDoc?.lesson)
  if (!data || lessonId === null) return data
  const [lesson] = await query<{ course_id: number | null; kind: string }>(await sqlFor(req), sql`select course_id, kind from lessons where id = ${lessonId}`)
  if (!lesson) throw bad('No such lesson.')
  if (lesson.kind !== 'quiz') throw bad('A quiz belongs to a lesson of kind quiz.')
  data.course = lesson.course_id === null ? null : Number(lesson.course_id)
  // Update access looks at the stored course: an instructor may not move a quiz into a course they do not teach.
  const { user } = req
  if (originalDoc && user && !isStaffUser(user) && hasRole(user, 'instructor') && !(await teaches(req, Number(user.id), data.course as number | null))) {
    throw new APIError('You can only attach quizzes to lessons of courses you teach.', 403, null, true)
  }
  return data
}

/** Fixed questions and drawn banks come from the quiz's own course, and a draw asks for at least one. */
const sameCourse: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const course = relationId(data.course ?? originalDoc?.course)
  const questions = ((data.questions ?? originalDoc?.questions ?? []) as unknown[]).map(relationId).filter((id): id is number => id !== null)
  const banks = ((data.draws ?? originalDoc?.draws ?? []) as { bank?: unknown }[]).map((d) => relationId(d.bank)).filter((id): id is number => id !== null)
  if (!questions.length && !banks.length) return data
  const db = await sqlFor(req)
  const [row] = await query<{ foreign_questions: number; foreign_banks: number }>(
    db,
    sql`select
          (select count(*)::int from quiz_questions where id = any(${`{${questions.join(',')}}`}::int[]) and course_id is distinct from ${course}) as foreign_questions,
          (select count(*)::int from question_banks where id = any(${`{${banks.join(',')}}`}::int[]) and course_id is distinct from ${course}) as foreign_banks`,
  )
  if (row.foreign_questions > 0) throw bad('Fixed questions must belong to the quiz’s course.')
  if (row.foreign_banks > 0) throw bad('Question banks must belong to the quiz’s course.')
  return data
}

/** A quiz that learners have attempted is kept: their attempts and grades refer to it. */
const keepAttempted: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const [used] = await query(await sqlFor(req), sql`select 1 from quiz_attempts where quiz_id = ${id} limit 1`)
  if (used) throw new APIError('Learners have attempted this quiz: it cannot be deleted.', 409, null, true)
}

/**
 * The quiz of a lesson of kind quiz: settings, fixed questions and random draws from question banks.
 * Learners enrolled in the course read the settings; which questions it holds is for authors. Attempts
 * are started, saved and graded by the server (src/domain/learning/quiz).
 */
export const Quizzes: CollectionConfig = {
  slug: 'quizzes',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'lesson', 'passMark', 'attemptLimit'], group: 'Learning' },
  access: {
    read: quizRead,
    create: canAuthorIn(courseOfLesson),
    update: courseChildAuthorWhere,
    delete: courseChildAuthorWhere,
  },
  hooks: { beforeValidate: [courseFromLesson], beforeChange: [sameCourse], beforeDelete: [keepAttempted] },
  endpoints: quizEndpoints,
  fields: [
    { name: 'lesson', type: 'relationship', relationTo: 'lessons', required: true, unique: true, index: true, maxDepth: 0, filterOptions: { kind: { equals: 'quiz' } } },
    {
      name: 'course',
      type: 'relationship',
      relationTo: 'courses',
      index: true,
      maxDepth: 0,
      admin: { readOnly: true, position: 'sidebar', description: 'The lesson’s course' },
    },
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    { name: 'instructions', type: 'textarea', maxLength: 4000 },
    {
      type: 'row',
      fields: [
        { name: 'passMark', type: 'number', required: true, min: 0, max: 100, defaultValue: 70, admin: { description: 'Percent of points needed to pass' } },
        { name: 'timeLimitSeconds', type: 'number', min: 30, max: 86_400, admin: { description: 'Empty: no time limit' } },
        { name: 'attemptLimit', type: 'number', min: 1, max: 100, admin: { description: 'Empty: unlimited attempts' } },
        { name: 'reviewPolicy', type: 'select', required: true, defaultValue: 'after-submit', options: [...REVIEW_POLICIES], admin: { description: 'When learners see correct answers and explanations' } },
      ],
    },
    {
      name: 'questions',
      type: 'relationship',
      relationTo: 'quiz-questions',
      hasMany: true,
      maxDepth: 0,
      access: { read: fieldAuthorsOnly },
      admin: { description: 'Fixed questions, asked in this order before the drawn ones' },
    },
    {
      name: 'draws',
      type: 'array',
      maxRows: 10,
      access: { read: fieldAuthorsOnly },
      admin: { description: 'Questions drawn at random from banks when an attempt starts' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'bank', type: 'relationship', relationTo: 'question-banks', required: true, maxDepth: 0 },
            { name: 'count', type: 'number', required: true, min: 1, max: 100, defaultValue: 1 },
          ],
        },
      ],
    },
    { name: 'shuffleOptions', type: 'checkbox', defaultValue: true, admin: { description: 'Options of choice questions in a random order for each attempt (true/false keeps its order)' } },
  ],
}

import { APIError, type CollectionBeforeValidateHook, type CollectionConfig } from 'payload'

import { QUESTION_KINDS } from '@/domain/learning/quiz/grading'
import { hasRole, isStaffUser } from '@/access/roles'
import { relationId } from '@/lib/relation'
import { canAuthorIn, courseChildAuthorWhere, courseOfData, teaches } from './access'
import { courseAuthorsRead, fieldAuthorsOnly } from './quizAccess'

type OptionData = { id?: string; label?: string; correct?: boolean | null }

const bad = (message: string) => new APIError(message, 400, null, true)

/** A question must be answerable: the right number of correct options, or a numeric answer. */
const checkQuestion: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  if (!data) return data
  // Update access looks at the stored course: an instructor may not move a question into a course they do not teach.
  const { user } = req
  if (originalDoc && data.course !== undefined && user && !isStaffUser(user) && hasRole(user, 'instructor') && !(await teaches(req, Number(user.id), relationId(data.course)))) {
    throw new APIError('You can only move questions to courses you teach.', 403, null, true)
  }
  const kind = (data.kind ?? originalDoc?.kind ?? 'single') as string
  const options = (data.options ?? originalDoc?.options ?? []) as OptionData[]
  const correct = options.filter((o) => o.correct).length
  if (kind === 'numeric') {
    const numeric = { ...(originalDoc?.numeric ?? {}), ...(data.numeric ?? {}) } as { value?: number | null; tolerance?: number | null }
    if (typeof numeric.value !== 'number') throw bad('A numeric question needs its answer value.')
    if (numeric.tolerance != null && numeric.tolerance < 0) throw bad('The tolerance cannot be negative.')
    return data
  }
  if (options.length < 2) throw bad('A question needs at least two options.')
  if (kind === 'multiple' ? correct < 1 : correct !== 1) {
    throw bad(kind === 'multiple' ? 'Mark at least one option as correct.' : 'Mark exactly one option as correct.')
  }
  return data
}

/**
 * A question of a course, used as a fixed question of quizzes or drawn at random from its bank.
 * Learners never read this collection: the quiz endpoints give them prompts and options only, and the
 * answer fields (correct flags, numeric answer, explanation) are readable by authors alone as well.
 */
export const QuizQuestions: CollectionConfig = {
  slug: 'quiz-questions',
  admin: { useAsTitle: 'prompt', defaultColumns: ['prompt', 'kind', 'points', 'bank', 'course'], group: 'Learning' },
  access: {
    read: courseAuthorsRead,
    create: canAuthorIn(courseOfData),
    update: courseChildAuthorWhere,
    delete: courseChildAuthorWhere,
  },
  hooks: { beforeValidate: [checkQuestion] },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'course', type: 'relationship', relationTo: 'courses', required: true, index: true, maxDepth: 0 },
        { name: 'bank', type: 'relationship', relationTo: 'question-banks', index: true, maxDepth: 0, admin: { description: 'Optional: a bank quizzes draw from' } },
      ],
    },
    { name: 'kind', type: 'select', required: true, defaultValue: 'single', options: [...QUESTION_KINDS] },
    { name: 'prompt', type: 'textarea', required: true, maxLength: 2000 },
    { name: 'details', type: 'richText', admin: { description: 'Optional rich text shown under the prompt (a case, a table ...)' } },
    {
      type: 'row',
      fields: [
        { name: 'points', type: 'number', required: true, min: 0, max: 100, defaultValue: 1 },
        {
          name: 'partialCredit',
          type: 'checkbox',
          defaultValue: false,
          admin: {
            condition: (data) => data?.kind === 'multiple',
            description: 'Each correct tick earns its share, each wrong tick takes one away (never below zero). Off: all or nothing.',
          },
        },
      ],
    },
    {
      name: 'options',
      type: 'array',
      maxRows: 12,
      admin: { condition: (data) => data?.kind !== 'numeric', description: 'For true/false: two options, True and False' },
      fields: [
        { name: 'label', type: 'text', required: true, maxLength: 500 },
        { name: 'correct', type: 'checkbox', defaultValue: false, access: { read: fieldAuthorsOnly } },
      ],
    },
    {
      name: 'numeric',
      type: 'group',
      admin: { condition: (data) => data?.kind === 'numeric' },
      access: { read: fieldAuthorsOnly },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'value', type: 'number' },
            { name: 'tolerance', type: 'number', min: 0, defaultValue: 0, admin: { description: 'Answers within +- this are correct' } },
            { name: 'unit', type: 'text', maxLength: 30 },
          ],
        },
      ],
    },
    { name: 'explanation', type: 'textarea', maxLength: 4000, access: { read: fieldAuthorsOnly }, admin: { description: 'Shown in the review, when the quiz allows it' } },
  ],
}

import type { CollectionConfig } from 'payload'

import { canAuthorIn, courseChildAuthorWhere, courseOfData } from './access'
import { courseAuthorsRead } from './quizAccess'

/**
 * A pool of questions of one course that quizzes draw from at random (`draws` on a quiz). A question
 * joins a bank through its own `bank` field, so the bank lists its questions without storing them twice.
 */
export const QuestionBanks: CollectionConfig = {
  slug: 'question-banks',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'course'], group: 'Learning' },
  access: {
    read: courseAuthorsRead,
    create: canAuthorIn(courseOfData),
    update: courseChildAuthorWhere,
    delete: courseChildAuthorWhere,
  },
  fields: [
    { name: 'course', type: 'relationship', relationTo: 'courses', required: true, index: true, maxDepth: 0 },
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    { name: 'description', type: 'textarea', maxLength: 2000 },
    { name: 'questions', type: 'join', collection: 'quiz-questions', on: 'bank', admin: { defaultColumns: ['prompt', 'kind', 'points'] } },
  ],
}

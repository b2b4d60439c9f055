import type { CollectionConfig } from 'payload'

import { nobody } from '@/access'
import { hasRole } from '@/access/roles'
import { attemptRead, fieldAuthorsOnly } from './quizAccess'
import { quizAttemptEndpoints } from './quizEndpoints'

/**
 * One attempt of a learner at a quiz, written only by the server: the questions drawn and the option
 * order fixed at start, the answers saved, the deadline, and the grade. Per-question grading is for
 * authors (item statistics); learners get their review from GET /api/quiz-attempts/:id/result, which
 * follows the quiz's review policy.
 */
export const QuizAttempts: CollectionConfig = {
  slug: 'quiz-attempts',
  admin: { useAsTitle: 'id', defaultColumns: ['user', 'quiz', 'number', 'status', 'score', 'passed', 'submittedAt'], group: 'Learning' },
  access: {
    read: attemptRead,
    create: nobody,
    update: nobody,
    delete: ({ req: { user } }) => hasRole(user, 'admin'),
  },
  endpoints: quizAttemptEndpoints,
  indexes: [{ fields: ['user', 'quiz', 'number'], unique: true }, { fields: ['quiz', 'status'] }],
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, maxDepth: 0 },
    { name: 'quiz', type: 'relationship', relationTo: 'quizzes', required: true, index: true, maxDepth: 0 },
    { name: 'lesson', type: 'relationship', relationTo: 'lessons', required: true, maxDepth: 0 },
    { name: 'course', type: 'relationship', relationTo: 'courses', required: true, index: true, maxDepth: 0 },
    { name: 'number', type: 'number', required: true, min: 1, admin: { description: 'First, second ... attempt of this learner' } },
    { name: 'status', type: 'select', required: true, defaultValue: 'open', options: ['open', 'submitted'], index: true },
    { name: 'startedAt', type: 'date', required: true },
    { name: 'deadline', type: 'date', admin: { description: 'Answers saved after it (plus a short grace) are refused' } },
    { name: 'submittedAt', type: 'date' },
    { name: 'late', type: 'checkbox', defaultValue: false, admin: { description: 'Closed at the deadline with the answers saved before it' } },
    { name: 'questions', type: 'json', admin: { description: 'Drawn questions with their option order: [{ id, options: [optionId ...] }]' } },
    { name: 'answers', type: 'json', admin: { description: '{ [questionId]: { selected?: [optionId], value?: number } }' } },
    { name: 'answersSavedAt', type: 'date' },
    { name: 'score', type: 'number', min: 0, max: 100 },
    { name: 'points', type: 'number' },
    { name: 'maxPoints', type: 'number' },
    { name: 'passed', type: 'checkbox' },
    { name: 'grading', type: 'json', access: { read: fieldAuthorsOnly }, admin: { description: 'Per question: earned, max, correct, selected, value' } },
  ],
  timestamps: true,
}

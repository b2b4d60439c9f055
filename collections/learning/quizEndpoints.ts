import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { attemptView, openAttempt, quizSummary, saveAnswers, startAttempt, submitAttempt } from '@/domain/learning/quiz/attempts'
import { mayReadItemStats, quizItemStats } from '@/domain/learning/quiz/stats'
import { json, readBody } from '@/lib/http'
import { RuleError } from '@/lib/ruleError'
import { memberHandler, memberOperation, routeId } from '../social/endpoints/shared'

const QUIZ = 'quizzes'

const AnswerBody = z
  .object({
    selected: z.array(z.string().min(1).max(64)).max(12).optional(),
    value: z.number().finite().nullable().optional(),
  })
  .strict()
/** `{ answers: { [questionId]: { selected: [optionId ...] } | { value: number } } }` */
export const AnswersBody = z
  .object({
    answers: z
      .record(z.string().regex(/^\d{1,10}$/, 'Answers are keyed by question id.'), AnswerBody)
      .refine((a) => Object.keys(a).length <= 200, 'Too many answers.'),
  })
  .strict()
export const SubmitBody = AnswersBody.partial()

function idOf(req: PayloadRequest, what: string): number {
  const id = routeId(req)
  if (id === null) throw new RuleError(`No such ${what}.`, 404)
  return id
}

const summary: Endpoint = {
  path: '/:id/summary',
  method: 'get',
  custom: memberOperation({
    summary: 'A quiz as its intro shows it',
    description: 'Title, instructions, pass mark, time limit, attempts used and left, review policy, your attempts and the open one. For learners enrolled in the course.',
    tag: QUIZ,
    responses: { 200: { description: 'The quiz summary' }, 403: { description: 'Not enrolled' }, 404: { description: 'No such quiz' } },
  }),
  handler: memberHandler(async (req, me) => json(req, await quizSummary(req.payload, { user: me.id, quiz: idOf(req, 'quiz') }))),
}

const start: Endpoint = {
  path: '/:id/attempts',
  method: 'post',
  custom: memberOperation({
    summary: 'Start (or resume) an attempt',
    description:
      'Draws the questions and fixes the option order, sets the deadline from the time limit, and returns the questions without their answers. An open attempt is resumed instead (`resumed: true`). The lesson must be released to you.',
    tag: QUIZ,
    responses: {
      200: { description: '`{ resumed, attempt }`: the open attempt with its questions and remaining time' },
      403: { description: 'Not enrolled, or the lesson is not released yet' },
      404: { description: 'No such quiz' },
      409: { description: 'No attempts left, or the quiz has no questions' },
    },
  }),
  handler: memberHandler(async (req, me) => json(req, await startAttempt(req.payload, { user: me.id, quiz: idOf(req, 'quiz') }))),
}

const current: Endpoint = {
  path: '/:id/attempts/open',
  method: 'get',
  custom: memberOperation({
    summary: 'Your open attempt at a quiz',
    description: 'Its questions without answers, the answers saved so far and the remaining time; `attempt` is null when none is open (an expired one is closed first).',
    tag: QUIZ,
    responses: { 200: { description: '`{ attempt }`' }, 404: { description: 'No such quiz' } },
  }),
  handler: memberHandler(async (req, me) => json(req, { attempt: await openAttempt(req.payload, { user: me.id, quiz: idOf(req, 'quiz') }) })),
}

const itemStats: Endpoint = {
  path: '/:id/item-stats',
  method: 'get',
  custom: memberOperation({
    summary: 'Item statistics of a quiz',
    description:
      'Per question over submitted attempts: attempts, difficulty (share fully correct), mean credit, discrimination (point-biserial correlation of the item with the attempt score) and how often each option was chosen. Staff and instructors of the course.',
    tag: QUIZ,
    responses: { 200: { description: 'The statistics' }, 403: { description: 'Not an instructor of this course' }, 404: { description: 'No such quiz' } },
  }),
  handler: memberHandler(async (req, me) => {
    const id = idOf(req, 'quiz')
    if (!(await mayReadItemStats(req.payload, me, id))) throw new RuleError('Only instructors of this course see its item statistics.', 403)
    return json(req, await quizItemStats(req.payload, id))
  }),
}

export const quizEndpoints: Endpoint[] = [summary, start, current, itemStats]

const view: Endpoint = {
  path: '/:id/result',
  method: 'get',
  custom: memberOperation({
    summary: 'Your attempt: its questions while open, its result and review once submitted',
    description: 'Per-question correctness, correct answers and explanations are included only when the quiz’s review policy allows it (`review` is null otherwise).',
    tag: 'quiz attempts',
    responses: { 200: { description: 'The attempt' }, 404: { description: 'No such attempt of yours' } },
  }),
  handler: memberHandler(async (req, me) => json(req, await attemptView(req.payload, { user: me.id, attempt: idOf(req, 'attempt') }))),
}

const save: Endpoint = {
  path: '/:id/answers',
  method: 'put',
  custom: memberOperation({
    summary: 'Save answers in progress',
    description: 'Merges the answers sent over those saved. After the deadline (plus 5 s of grace) nothing is saved: the attempt is closed with the answers saved before, and answered 409 with the result.',
    tag: 'quiz attempts',
    body: AnswersBody,
    responses: {
      200: { description: '`{ saved: true, savedAt }`' },
      400: { description: 'Unknown question or option, or the wrong kind of answer' },
      404: { description: 'No such attempt of yours' },
      409: { description: 'Already submitted, or time is up (`result` holds the closed attempt)' },
    },
  }),
  handler: memberHandler(async (req, me) => {
    const id = idOf(req, 'attempt')
    const body = await readBody(req, AnswersBody)
    if (body.response) return body.response
    const outcome = await saveAnswers(req.payload, { user: me.id, attempt: id, answers: body.data.answers })
    if (!outcome.saved) return json(req, { errors: [{ message: 'Time is up: the attempt was submitted with the answers saved before the deadline.' }], result: outcome.result }, 409)
    return json(req, outcome)
  }),
}

const submit: Endpoint = {
  path: '/:id/submit',
  method: 'post',
  custom: memberOperation({
    summary: 'Submit an attempt for grading',
    description:
      'Grades on the server the answers sent merged over those saved, records the score on the lesson and completes it when passed. After the deadline (plus 5 s of grace) the answers sent are ignored and the saved ones graded (`late: true`). Submitting again returns the same result.',
    tag: 'quiz attempts',
    body: SubmitBody,
    responses: {
      200: { description: 'The result, with the review when the policy allows it' },
      400: { description: 'Unknown question or option, or the wrong kind of answer' },
      404: { description: 'No such attempt of yours' },
    },
  }),
  handler: memberHandler(async (req, me) => {
    const id = idOf(req, 'attempt')
    const body = await readBody(req, SubmitBody)
    if (body.response) return body.response
    return json(req, await submitAttempt(req.payload, { user: me.id, attempt: id, answers: body.data.answers }))
  }),
}

export const quizAttemptEndpoints: Endpoint[] = [view, save, submit]

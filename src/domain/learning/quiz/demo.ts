import type { Payload } from 'payload'

import { query, sql } from '@/db/sql'
import type { QuestionKind } from './grading'

type DemoQuestion = {
  kind: QuestionKind
  prompt: string
  options?: { label: string; correct?: boolean }[]
  numeric?: { value: number; tolerance: number; unit?: string }
  points?: number
  partialCredit?: boolean
  explanation: string
}

/** Asked in every attempt. */
const FIXED: DemoQuestion[] = [
  {
    kind: 'single',
    prompt: 'What is the normal duration of the PR interval in an adult?',
    options: [{ label: '120–200 ms', correct: true }, { label: '40–100 ms' }, { label: '220–300 ms' }, { label: '300–400 ms' }],
    explanation: 'The PR interval runs from the start of the P wave to the start of the QRS: 120–200 ms (3–5 small squares). Longer is first-degree AV block.',
  },
  {
    kind: 'multiple',
    prompt: 'Which ECG findings suggest hyperkalaemia? (select all that apply)',
    options: [{ label: 'Peaked T waves', correct: true }, { label: 'Widened QRS complex', correct: true }, { label: 'Prominent U waves' }, { label: 'Delta waves' }],
    points: 2,
    partialCredit: true,
    explanation: 'Rising potassium peaks the T waves, then flattens P waves and widens the QRS towards a sine wave. U waves suggest hypokalaemia; delta waves pre-excitation.',
  },
  {
    kind: 'true-false',
    prompt: 'ST elevation in leads II, III and aVF suggests an inferior myocardial infarction.',
    options: [{ label: 'True', correct: true }, { label: 'False' }],
    explanation: 'II, III and aVF look at the inferior wall, usually supplied by the right coronary artery.',
  },
  {
    kind: 'numeric',
    prompt: 'At 25 mm/s the R–R interval is 20 small squares (800 ms). What is the heart rate in beats per minute?',
    numeric: { value: 75, tolerance: 1, unit: 'bpm' },
    explanation: '1500 divided by the number of small squares between two R waves: 1500 / 20 = 75 bpm.',
  },
  {
    kind: 'single',
    prompt: 'Which rhythm is irregularly irregular with no visible P waves?',
    options: [{ label: 'Atrial fibrillation', correct: true }, { label: 'Atrial flutter with 2:1 block' }, { label: 'Sinus arrhythmia' }, { label: 'Complete heart block' }],
    explanation: 'Atrial fibrillation: chaotic atrial activity (fibrillatory baseline, no P waves) conducted irregularly to the ventricles.',
  },
]

/** A bank that each attempt draws two questions from. */
const BANK: DemoQuestion[] = [
  {
    kind: 'single',
    prompt: 'A short PR interval with a slurred upstroke of the QRS (delta wave) is characteristic of:',
    options: [{ label: 'Wolff–Parkinson–White syndrome', correct: true }, { label: 'Brugada syndrome' }, { label: 'Long QT syndrome' }, { label: 'First-degree AV block' }],
    explanation: 'An accessory pathway pre-excites the ventricles: short PR, delta wave, broad QRS.',
  },
  {
    kind: 'true-false',
    prompt: 'A QRS duration longer than 120 ms defines a broad-complex rhythm.',
    options: [{ label: 'True', correct: true }, { label: 'False' }],
    explanation: 'Above 120 ms (3 small squares) the QRS is broad: bundle branch block, ventricular origin or aberrant conduction.',
  },
  {
    kind: 'numeric',
    prompt: 'What is the standard ECG paper speed, in millimetres per second?',
    numeric: { value: 25, tolerance: 0, unit: 'mm/s' },
    explanation: '25 mm/s: one small square is 40 ms and one large square 200 ms.',
  },
  {
    kind: 'single',
    prompt: 'Which lead is usually best for looking at P waves in a rhythm strip?',
    options: [{ label: 'Lead II', correct: true }, { label: 'aVR' }, { label: 'V6' }, { label: 'aVL' }],
    explanation: 'Lead II runs along the usual atrial depolarisation vector, so P waves are upright and largest there.',
  },
]

/**
 * The correct answers of the demo quiz, fixed and bank questions alike, for end-to-end tests: for a
 * choice question the labels of its correct options, for a numeric one the value.
 */
export const ANSWER_KEY: { prompt: string; kind: QuestionKind; correct: string[]; value?: number }[] = [...FIXED, ...BANK].map((q) => ({
  prompt: q.prompt,
  kind: q.kind,
  correct: (q.options ?? []).filter((o) => o.correct).map((o) => o.label),
  ...(q.numeric ? { value: q.numeric.value } : {}),
}))

export const DEMO_QUIZ = { title: 'ECG basics: check your understanding', passMark: 70, attemptLimit: 3, timeLimitSeconds: 600, draws: 2 } as const

/**
 * Creates the demo quiz on a lesson of kind quiz: five fixed questions of every kind plus two drawn
 * from a bank of four, pass mark 70%, three attempts, ten minutes, review after submitting.
 * Returns the existing quiz when the lesson already has one.
 */
export async function createDemoQuiz(payload: Payload, { lesson }: { lesson: number }): Promise<{ quiz: number; bank: number | null }> {
  const [existing] = await query<{ id: number }>(payload, sql`select id from quizzes where lesson_id = ${lesson}`)
  if (existing) return { quiz: Number(existing.id), bank: null }
  const found = (await payload.findByID({ collection: 'lessons', id: lesson, depth: 0, overrideAccess: true })) as { course?: number | { id: number } | null }
  const course = typeof found.course === 'object' && found.course ? found.course.id : Number(found.course)
  const make = async (q: DemoQuestion, bank?: number) =>
    ((await payload.create({ collection: 'quiz-questions', data: { course, bank, points: 1, ...q } as never, overrideAccess: true })) as { id: number }).id
  const fixed: number[] = []
  for (const q of FIXED) fixed.push(await make(q))
  const bank = ((await payload.create({
    collection: 'question-banks',
    data: { course, title: 'ECG basics: more questions', description: 'Two are drawn at random for each attempt.' },
    overrideAccess: true,
  })) as { id: number }).id
  for (const q of BANK) await make(q, bank)
  const quiz = (await payload.create({
    collection: 'quizzes',
    data: {
      lesson,
      title: DEMO_QUIZ.title,
      instructions: 'Seven questions on reading an ECG. Answer them all, then submit. You can review the answers and explanations after submitting.',
      passMark: DEMO_QUIZ.passMark,
      attemptLimit: DEMO_QUIZ.attemptLimit,
      timeLimitSeconds: DEMO_QUIZ.timeLimitSeconds,
      reviewPolicy: 'after-submit',
      questions: fixed,
      draws: [{ bank, count: DEMO_QUIZ.draws }],
    } as never,
    overrideAccess: true,
  })) as { id: number }
  return { quiz: quiz.id, bank }
}

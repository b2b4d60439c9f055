/**
 * Grading of quiz answers, as plain functions over a question and what the learner answered.
 *
 * - single and true-false: the one correct option, and nothing else, earns the points.
 * - multiple: all-or-nothing by default (exactly the set of correct options). A question marked
 *   `partialCredit` earns points x max(0, (correct chosen - wrong chosen) / correct options): every
 *   wrong tick cancels a right one, so ticking every box earns nothing.
 * - numeric: within `tolerance` (inclusive, absolute) of the stored value.
 */
export const QUESTION_KINDS = ['single', 'multiple', 'true-false', 'numeric'] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]

export const REVIEW_POLICIES = ['never', 'after-submit', 'after-pass'] as const
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number]

export type GradableQuestion = {
  id: number
  kind: QuestionKind
  points: number
  partialCredit?: boolean | null
  options: { id: string; correct: boolean }[]
  numeric?: { value: number | null; tolerance: number | null } | null
}

/** What a learner answered to one question: chosen option ids, or a number. */
export type Answer = { selected?: string[]; value?: number | null }

export type GradedItem = {
  question: number
  kind: QuestionKind
  /** Points earned (may be fractional with partial credit). */
  earned: number
  max: number
  /** Fully correct. */
  correct: boolean
  answered: boolean
  selected: string[]
  value: number | null
}

const round = (n: number, places = 4) => Math.round(n * 10 ** places) / 10 ** places

export function gradeQuestion(q: GradableQuestion, answer: Answer | undefined): GradedItem {
  const max = Math.max(0, Number(q.points) || 0)
  const known = new Set(q.options.map((o) => o.id))
  const selected = [...new Set((answer?.selected ?? []).filter((id) => known.has(id)))]
  const value = typeof answer?.value === 'number' && Number.isFinite(answer.value) ? answer.value : null
  const base = { question: q.id, kind: q.kind, max, selected, value }

  if (q.kind === 'numeric') {
    const target = q.numeric?.value
    const tolerance = Math.abs(q.numeric?.tolerance ?? 0)
    // A small epsilon so that 0.1 + 0.2 style representation errors do not fail an answer on the edge.
    const correct = value !== null && target !== null && target !== undefined && Math.abs(value - target) <= tolerance + 1e-9
    return { ...base, selected: [], earned: correct ? max : 0, correct, answered: value !== null }
  }

  const right = new Set(q.options.filter((o) => o.correct).map((o) => o.id))
  const hits = selected.filter((id) => right.has(id)).length
  const wrongs = selected.length - hits
  const exact = hits === right.size && wrongs === 0 && right.size > 0
  let earned = exact ? max : 0
  if (!exact && q.kind === 'multiple' && q.partialCredit && right.size > 0) earned = round((max * Math.max(0, hits - wrongs)) / right.size)
  return { ...base, value: null, earned, correct: exact, answered: selected.length > 0 }
}

export type Grade = { items: GradedItem[]; earned: number; max: number; score: number; passed: boolean }

/** Grades every question; `score` is the percent of points earned (2 decimals), passed when >= passMark. */
export function gradeAttempt(questions: GradableQuestion[], answers: Record<string, Answer>, passMark: number): Grade {
  const items = questions.map((q) => gradeQuestion(q, answers[String(q.id)]))
  const earned = round(items.reduce((s, i) => s + i.earned, 0))
  const max = items.reduce((s, i) => s + i.max, 0)
  const score = max > 0 ? Math.round((earned / max) * 10000) / 100 : 0
  return { items, earned, max, score, passed: score >= passMark }
}

/** Whether the learner may see correct answers and explanations of a submitted attempt. */
export function reviewAllowed(policy: ReviewPolicy, hasPassed: boolean): boolean {
  if (policy === 'after-submit') return true
  if (policy === 'after-pass') return hasPassed
  return false
}

/** Fisher-Yates shuffle with an injectable random source (tests pass a seeded one). */
export function shuffle<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

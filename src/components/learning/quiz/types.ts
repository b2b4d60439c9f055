/** Shapes of the quiz endpoints, as the player reads them. */
export type Answer = { selected?: string[]; value?: number | null }
export type Answers = Record<string, Answer>

export type QuizSummary = {
  id: number
  title: string
  instructions: string | null
  passMark: number
  timeLimitSeconds: number | null
  attemptLimit: number | null
  reviewPolicy: 'never' | 'after-submit' | 'after-pass'
  questionCount: number
  attemptsUsed: number
  attemptsLeft: number | null
  passed: boolean
  bestScore: number | null
  openAttempt: number | null
  attempts: { id: number; number: number; status: string; score: number | null; passed: boolean | null; submittedAt: string | null }[]
}

export type OpenAttempt = {
  id: number
  number: number
  status: 'open'
  deadline: string | null
  remainingSeconds: number | null
  serverNow: string
  questions: { id: number; kind: 'single' | 'multiple' | 'true-false' | 'numeric'; prompt: string; points: number; unit: string | null; options: { id: string; label: string }[] }[]
  answers: Answers
}

export type Result = {
  id: number
  number: number
  status: 'submitted'
  late: boolean
  score: number
  passed: boolean
  points: number
  maxPoints: number
  passMark: number
  attemptsUsed: number
  attemptsLeft: number | null
  reviewPolicy: string
  review:
    | {
        id: number
        kind: string
        prompt: string
        points: number
        earned: number
        correct: boolean
        options: { id: string; label: string; correct: boolean; chosen: boolean }[]
        value: number | null
        answer: { value: number | null; tolerance: number | null; unit: string | null } | null
        explanation: string | null
      }[]
    | null
}

/** Quizzes: what the lesson player, the seed and the teaching pages use. */
export { quizForLesson, quizSummary, startAttempt, submitAttempt, saveAnswers, attemptView, openAttempt } from './attempts'
export { createDemoQuiz, ANSWER_KEY, DEMO_QUIZ } from './demo'
export { quizItemStats, mayReadItemStats } from './stats'

export { Quizzes } from './Quizzes'
export { QuizQuestions } from './QuizQuestions'
export { QuestionBanks } from './QuestionBanks'
export { QuizAttempts } from './QuizAttempts'

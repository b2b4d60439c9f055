import type { QaBoard } from './qa'
import { liveTopic } from './realtime'

/** The Q&A of live sessions: live-questions and live-question-votes, announced on the session's stream. */
export const LIVE_QA: QaBoard = { questions: 'live_questions', votes: 'live_question_votes', parent: 'session_id', topic: liveTopic }

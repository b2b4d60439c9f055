/**
 * The scoring table and the level curve of Rounds. Points reward contributions others can use
 * (posts, comments) and recognition by peers (likes, upvotes, followers), plus showing up daily.
 * Caps are per member, reason and UTC day, so that a burst of activity (or a friend clicking
 * "like" on everything) cannot buy a level. Nothing is paid for acting on one's own content.
 */
export const POINT_RULES = {
  post: { points: 5, dailyCap: 25, label: 'Published a post' },
  repost: { points: 1, dailyCap: 5, label: 'Reposted a colleague' },
  comment: { points: 2, dailyCap: 20, label: 'Commented' },
  reaction: { points: 1, dailyCap: 30, label: 'Like or upvote received' },
  follower: { points: 2, dailyCap: 40, label: 'New follower' },
  login: { points: 1, dailyCap: null, label: 'Daily sign-in' },
  streak7: { points: 5, dailyCap: null, label: '7-day streak' },
  streak30: { points: 20, dailyCap: null, label: '30-day streak' },
} as const

export type PointReason = keyof typeof POINT_RULES
export const POINT_REASONS = Object.keys(POINT_RULES) as PointReason[]

/** Reactions that count as recognition (a downvote pays nothing and takes back a paid upvote). */
export const PAYING_REACTIONS = new Set(['like', 'up'])

/**
 * Levels, named after the stages of a doctor's career. The gaps grow so that early levels come within
 * days and the top ones take sustained contribution over months.
 */
export const LEVELS = [
  { level: 1, name: 'Student', min: 0 },
  { level: 2, name: 'Intern', min: 50 },
  { level: 3, name: 'Resident', min: 150 },
  { level: 4, name: 'Registrar', min: 400 },
  { level: 5, name: 'Fellow', min: 1000 },
  { level: 6, name: 'Consultant', min: 2000 },
  { level: 7, name: 'Senior Consultant', min: 3500 },
  { level: 8, name: 'Professor', min: 6000 },
  { level: 9, name: 'Emeritus', min: 10000 },
] as const

export type LevelInfo = {
  level: number
  name: string
  points: number
  /** Points at which this level starts and the next one starts (null at the top). */
  min: number
  next: { level: number; name: string; min: number } | null
  /** 0..100, progress from this level's threshold to the next one's. */
  progress: number
}

export function levelFor(points: number): LevelInfo {
  const p = Math.max(0, Math.floor(Number(points) || 0))
  let index = 0
  for (let i = 0; i < LEVELS.length; i++) if (p >= LEVELS[i].min) index = i
  const current = LEVELS[index]
  const next = LEVELS[index + 1] ?? null
  const progress = next ? Math.floor(((p - current.min) / (next.min - current.min)) * 100) : 100
  return { level: current.level, name: current.name, points: p, min: current.min, next: next ? { ...next } : null, progress }
}

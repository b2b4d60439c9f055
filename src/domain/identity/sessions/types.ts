/** One live session of a member, as the sessions page and GET /api/users/sessions show it. */
export type SessionView = {
  /** The session id (`sid`), used to end it. */
  id: string
  /** True for the session that made this request. */
  current: boolean
  /** "Chrome on Windows", "Safari on iPhone", "Unknown device". */
  device: string
  browser: string | null
  os: string | null
  mobile: boolean
  userAgent: string | null
  /** The address the session signed in from. */
  ip: string | null
  /** When the session started (ISO 8601). */
  createdAt: string
  /** When the session was last used (ISO 8601), at most a few minutes behind; null when unknown. */
  lastSeenAt: string | null
  /** When the session ends unless it is used again (ISO 8601). */
  expiresAt: string
}

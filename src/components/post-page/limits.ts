/** Longest post text the server keeps (MAX_TEXT in the social domain), and the longest comment. */
export const MAX_TEXT = 10_000
export const COMMENT_MAX = 5000
/** Authors may change a comment's text this long after writing it (the comments hook enforces it). */
export const COMMENT_EDIT_WINDOW_MS = 15 * 60 * 1000

/** The address members reach the site at, used in emails and redirect URIs. */
export const publicUrl = () =>
  (process.env.PUBLIC_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, '')

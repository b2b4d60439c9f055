import nextEnv from '@next/env'

/**
 * Reads .env files (.env, .env.production / .env.development, .env.local ...) the way Next.js does,
 * before anything looks at DATABASE_URL; variables already set in the environment win.
 */
export function loadEnv() {
  nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production')
}

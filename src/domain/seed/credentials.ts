import fs from 'node:fs'
import path from 'node:path'

import type { DemoResult } from './demo'

export const CREDENTIALS_FILE = path.resolve(process.cwd(), '.data/demo-credentials.txt')

export const databaseName = (databaseUrl = process.env.DATABASE_URL) => {
  try {
    return decodeURIComponent(new URL(databaseUrl ?? '').pathname.slice(1))
  } catch {
    return ''
  }
}

/**
 * Where the demo logins are kept. `npm start`'s embedded database writes .data/demo-credentials.txt;
 * the development database (rounds_dev) and DATABASE_URL databases get their own file beside it, so
 * that `npm run dev` never overwrites the production logins. An embedded database in another
 * directory (EMBEDDED_POSTGRES_DIR: tests, benchmarks) keeps its file in that directory.
 */
export function credentialsFile(env: Record<string, string | undefined> = process.env) {
  const name = databaseName(env.DATABASE_URL)
  const embedded = env.ROUNDS_EMBEDDED_DB === 'true'
  const dir = embedded && env.EMBEDDED_POSTGRES_DIR ? path.resolve(env.EMBEDDED_POSTGRES_DIR) : path.dirname(CREDENTIALS_FILE)
  const file = embedded && name === 'rounds' ? 'demo-credentials.txt' : `demo-credentials-${(name || 'database').replace(/[^\w-]/g, '_')}.txt`
  return path.join(dir, file)
}

/**
 * How to sign in to the demo: where, as whom, with which password. `envAdminEmail` names an
 * administrator whose password came from ADMIN_PASSWORD and is therefore not the shared one.
 */
export function describeCredentials(result: DemoResult, opts: { envAdminEmail?: string; database?: string } = {}): string {
  const width = Math.max(...result.accounts.map((a) => a.label.length))
  const line = (label: string, email: string, note = '') => `  ${label.padEnd(width)}  ${email}${note}`
  const staff = result.accounts.filter((a) => a.label !== 'doctor')
  const doctors = result.accounts.filter((a) => a.label === 'doctor')
  const staffLines = staff.map((a) => {
    if (a.label === 'admin' && opts.envAdminEmail && a.email === opts.envAdminEmail) {
      return line(a.label, a.email, '  (password: ADMIN_PASSWORD)')
    }
    return line(a.label, a.email, a.created ? '' : '  (existing account, password unchanged)')
  })
  return [
    'Rounds demo accounts',
    '',
    `Member site:  ${result.url}/`,
    `Admin panel:  ${result.url}/admin   (admin, moderator, editor, instructor)`,
    ...(opts.database ? [`Database:     ${opts.database}`] : []),
    `Password for every demo account below: ${result.password}`,
    '',
    ...staffLines,
    ...doctors.map((a) => line(a.label, a.email, `  ${a.name}`)),
    '',
  ].join('\n')
}

/** Keeps the demo logins where only this machine's user can read them. */
export function writeCredentials(text: string, file = credentialsFile()) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, text, { mode: 0o600 })
  fs.chmodSync(file, 0o600) // an existing file keeps its old mode otherwise
  return file
}

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
 * `npm start`'s database (rounds) writes .data/demo-credentials.txt; any other database, such as the
 * development one, its own file, so that `npm run dev` never overwrites the production logins.
 */
export function credentialsFile(databaseUrl = process.env.DATABASE_URL) {
  const name = databaseName(databaseUrl)
  if (!name || name === 'rounds') return CREDENTIALS_FILE
  return path.resolve(path.dirname(CREDENTIALS_FILE), `demo-credentials-${name.replace(/[^\w-]/g, '_')}.txt`)
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

import fs from 'node:fs'
import path from 'node:path'

import type { DemoResult } from './demo'

export const CREDENTIALS_FILE = path.resolve(process.cwd(), '.data/demo-credentials.txt')

/**
 * How to sign in to the demo: where, as whom, with which password. `envAdminEmail` names an
 * administrator whose password came from ADMIN_PASSWORD and is therefore not the shared one.
 */
export function describeCredentials(result: DemoResult, opts: { envAdminEmail?: string } = {}): string {
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
    `Password for every demo account below: ${result.password}`,
    '',
    ...staffLines,
    ...doctors.map((a) => line(a.label, a.email, `  ${a.name}`)),
    '',
  ].join('\n')
}

/** Keeps the demo logins where only this machine's user can read them. */
export function writeCredentials(text: string, file = CREDENTIALS_FILE) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, text, { mode: 0o600 })
  fs.chmodSync(file, 0o600) // an existing file keeps its old mode otherwise
  return file
}

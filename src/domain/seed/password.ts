import crypto from 'node:crypto'

import { checkPassword } from '@/domain/identity/passwordPolicy'

// No look-alike characters (0/o, 1/l/i), so the password survives being read off a terminal.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** Four groups of five random characters: 23 characters, about 99 bits. */
export function generatePassword(): string {
  const groups: string[] = []
  for (let g = 0; g < 4; g++) {
    let group = ''
    for (let i = 0; i < 5; i++) group += ALPHABET[crypto.randomInt(ALPHABET.length)]
    groups.push(group)
  }
  return groups.join('-')
}

/**
 * The password every demo account shares: DEMO_PASSWORD when given (it must pass the password
 * policy), otherwise a fresh random one that passes it for every demo email address.
 */
export function demoPassword(given: string | undefined, emails: string[]): string {
  if (given) {
    for (const email of emails) {
      const problem = checkPassword(given, { email })
      if (problem) throw new Error(`DEMO_PASSWORD is not accepted for ${email}: ${problem}`)
    }
    return given
  }
  for (;;) {
    const candidate = generatePassword()
    if (emails.every((email) => checkPassword(candidate, { email }) === null)) return candidate
  }
}

import { generate } from 'otplib'

const PERIOD = 30
const enrolled = new Map<string, { secret: string; lastStep: number }>()

const nowStep = () => Math.floor(Date.now() / 1000 / PERIOD)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** The TOTP secret this test process enrolled for an account, if any. */
export const totpSecretOf = (email: string) => enrolled.get(email.toLowerCase())?.secret

export function rememberSecret(email: string, secret: string, lastStep: number) {
  enrolled.set(email.toLowerCase(), { secret, lastStep })
}

/** A 6-digit code for `step` (the authenticator app's view at that time). */
export const codeAt = (secret: string, step: number) => generate({ secret, epoch: step * PERIOD })

/**
 * A code for the account that the server has not accepted yet: the next unused step within the
 * +-1 step window, waiting for the clock when all three were spent.
 */
export async function freshCode(email: string): Promise<string> {
  const entry = enrolled.get(email.toLowerCase())
  if (!entry) throw new Error(`No TOTP secret known for ${email}`)
  let step = Math.max(entry.lastStep + 1, nowStep())
  while (step > nowStep() + 1) await sleep(1000)
  if (step < nowStep() - 1) step = nowStep()
  entry.lastStep = step
  return codeAt(entry.secret, step)
}

type Poster = { post: (path: string, body?: unknown) => Promise<{ status: number; body: any }> }

/** Completes a login that asked for a second factor: enrolls (first time) or gives a fresh code. */
export async function completeSecondFactor(client: Poster, email: string, state: 'verify' | 'enroll') {
  if (state === 'enroll') {
    const setup = await client.post('/users/two-factor/setup')
    if (setup.status !== 200) throw new Error(`two-factor setup failed: ${JSON.stringify(setup.body)}`)
    const step = nowStep()
    const res = await client.post('/users/two-factor/enable', { code: await codeAt(setup.body.secret, step) })
    if (res.status !== 200) throw new Error(`two-factor enable failed: ${JSON.stringify(res.body)}`)
    rememberSecret(email, setup.body.secret, step)
    return res
  }
  const res = await client.post('/users/two-factor/verify', { code: await freshCode(email) })
  if (res.status !== 200) throw new Error(`two-factor verify failed: ${JSON.stringify(res.body)}`)
  return res
}

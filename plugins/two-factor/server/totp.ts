import { generate, generateSecret, generateURI, verify } from 'otplib'
import QRCode from 'qrcode'

/** RFC 6238 with the parameters every authenticator app understands: SHA-1, 6 digits, 30 s. */
export const PERIOD = 30

export type TotpParams = { algorithm?: 'sha1' | 'sha256' | 'sha512'; digits?: 6 | 7 | 8 }

export const newSecret = () => generateSecret({ length: 20 })

export const otpauthUri = (issuer: string, account: string, secret: string) =>
  generateURI({ issuer, label: account, secret, period: PERIOD, digits: 6, algorithm: 'sha1' })

export async function qrDataUrl(uri: string) {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}

/** The code for a secret (base32 text, or raw key bytes) at a Unix time in seconds. */
export const codeAt = (secret: string | Uint8Array, time: number, p: TotpParams = {}) =>
  generate({ secret, epoch: time, period: PERIOD, algorithm: p.algorithm ?? 'sha1', digits: p.digits ?? 6 })

/**
 * Checks a code at `now` (seconds), accepting one step of clock drift either way and only steps after
 * `afterStep` (the last accepted one), so a code is never accepted twice.
 */
export async function checkCode(
  secret: string | Uint8Array,
  code: string,
  opts: TotpParams & { now?: number; afterStep?: number | null } = {},
) {
  const digits = opts.digits ?? 6
  if (code.length !== digits || !/^\d+$/.test(code)) return null
  const result = await verify({
    secret,
    token: code,
    period: PERIOD,
    digits,
    algorithm: opts.algorithm ?? 'sha1',
    epoch: opts.now ?? Math.floor(Date.now() / 1000),
    epochTolerance: PERIOD,
    ...(opts.afterStep != null ? { afterTimeStep: opts.afterStep } : {}),
  })
  return result.valid ? { step: (result as { timeStep: number }).timeStep, delta: result.delta } : null
}

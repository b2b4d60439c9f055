import { MailService } from '@sendgrid/mail'
import type { EmailAdapter, SendEmailOptions } from 'payload'
import { APIError } from 'payload'

type Address = string | { name?: string; address: string }

const asAddress = (a: Address) => (typeof a === 'string' ? a : a.name ? `"${a.name}" <${a.address}>` : a.address)
const list = (value: unknown): string[] =>
  value == null ? [] : (Array.isArray(value) ? value : [value]).map((v) => asAddress(v as Address))

export type NormalizedEmail = { from: string; to: string[]; subject: string; html?: string; text?: string }

export function normalize(message: SendEmailOptions, fallbackFrom: string): NormalizedEmail {
  return {
    from: message.from ? asAddress(message.from as Address) : fallbackFrom,
    to: list(message.to),
    subject: String(message.subject ?? ''),
    html: typeof message.html === 'string' ? message.html : undefined,
    text: typeof message.text === 'string' ? message.text : undefined,
  }
}

const fromAddress = () => process.env.EMAIL_FROM_ADDRESS || 'no-reply@rounds.local'
const fromName = () => process.env.EMAIL_FROM_NAME || 'Rounds'

/**
 * `"Rounds" <no-reply@rounds.example>` as SendGrid's { name, email }. SendGrid's own parser keeps the
 * quotes, so recipients saw the sender as "\"Rounds\"".
 */
export function parseAddress(value: string): { email: string; name?: string } {
  const match = value.match(/^\s*(.*?)\s*<([^<>\s]+)>\s*$/)
  if (!match) return { email: value.trim() }
  const name = match[1].replace(/^"(.*)"$/, '$1').replace(/\\"/g, '"').trim()
  return name ? { name, email: match[2] } : { email: match[2] }
}

/** The email could not be handed to the provider: the caller learns it failed, not why in detail. */
export class EmailDeliveryError extends APIError {
  constructor(cause?: unknown) {
    super('We could not send the email just now. Please try again in a few minutes.', 502, null, true)
    this.cause = cause
  }
}

/** Delivers through SendGrid's v3 Mail Send API. */
export const sendgridAdapter = (apiKey: string, baseUrl?: string): EmailAdapter => ({ payload }) => {
  const client = new MailService()
  client.setApiKey(apiKey)
  // Each MailService owns its client; a base URL points it at another SendGrid-compatible endpoint.
  if (baseUrl) (client as unknown as { client: { setDefaultRequest: (k: string, v: string) => void } }).client.setDefaultRequest('baseUrl', baseUrl)
  return {
    name: 'sendgrid',
    defaultFromAddress: fromAddress(),
    defaultFromName: fromName(),
    sendEmail: async (message) => {
      const email = normalize(message, `"${fromName()}" <${fromAddress()}>`)
      try {
        const [response] = await client.send({
          from: parseAddress(email.from),
          to: email.to.map(parseAddress),
          subject: email.subject,
          html: email.html,
          text: email.text ?? (email.html ? email.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() : ' '),
        })
        return { statusCode: response.statusCode, messageId: response.headers['x-message-id'] }
      } catch (err) {
        // A 4xx/5xx from SendGrid must not pass for a sent email, nor reach the caller verbatim.
        const e = err as { code?: number; message?: string; response?: { body?: unknown } }
        payload.logger.error({ status: e.code, response: e.response?.body }, `SendGrid refused an email: ${e.message ?? err}`)
        throw new EmailDeliveryError(err)
      }
    },
  }
}

/** Without a provider, every email is kept in the `emails` collection and printed to the log. */
export const outboxAdapter = (): EmailAdapter => ({ payload }) => ({
  name: 'outbox',
  defaultFromAddress: fromAddress(),
  defaultFromName: fromName(),
  sendEmail: async (message) => {
    const email = normalize(message, `"${fromName()}" <${fromAddress()}>`)
    const doc = await payload.create({
      collection: 'emails',
      data: { from: email.from, to: email.to.join(', '), subject: email.subject, html: email.html, text: email.text },
      overrideAccess: true,
    })
    if (process.env.NODE_ENV !== 'test') payload.logger.info(`Email to ${email.to.join(', ')}: ${email.subject}`)
    return { id: doc.id }
  },
})

export const emailAdapter = (): EmailAdapter =>
  process.env.SENDGRID_API_KEY
    ? sendgridAdapter(process.env.SENDGRID_API_KEY, process.env.SENDGRID_API_URL || undefined)
    : outboxAdapter()

import { MailService } from '@sendgrid/mail'
import type { EmailAdapter, SendEmailOptions } from 'payload'

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

/** Delivers through SendGrid's v3 Mail Send API. */
export const sendgridAdapter = (apiKey: string, baseUrl?: string): EmailAdapter => () => {
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
      const [response] = await client.send({
        from: email.from,
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text ?? (email.html ? email.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() : ' '),
      })
      return { statusCode: response.statusCode, messageId: response.headers['x-message-id'] }
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

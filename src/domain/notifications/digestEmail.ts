import { escape, layout } from '@/email/templates'
import { publicUrl } from '@/lib/publicUrl'
import type { NotificationItem } from './feed'

/** The daily digest: the newest unread notifications, each a sentence, its excerpt and a link. */
export function digestEmail(opts: { name: string; items: NotificationItem[]; total: number; capped: boolean }) {
  const site = publicUrl()
  const more = opts.total - opts.items.length
  const count = `${opts.total}${opts.capped ? '+' : ''}`
  const title = `${count} new ${opts.total === 1 ? 'notification' : 'notifications'} on Rounds`
  const list = opts.items
    .map(
      (n) => `<li style="margin:0 0 12px">
<a href="${escape(site + n.link)}" style="color:#0f172a;font-weight:600">${escape(n.text)}</a>${n.excerpt ? `<br><span style="color:#475569">${escape(n.excerpt)}</span>` : ''}
</li>`,
    )
    .join('\n')
  const html = layout(
    title,
    `<p>Hello ${escape(opts.name)}, here is what happened since your last digest.</p>
<ul style="padding-left:18px">${list}</ul>
${more > 0 ? `<p>And ${more}${opts.capped ? '+' : ''} more.</p>` : ''}
<p><a href="${escape(`${site}/notifications`)}">See all your notifications</a></p>
<p style="color:#64748b;font-size:12px">Choose which notifications reach you by email in <a href="${escape(`${site}/settings/notifications`)}">your notification settings</a>.</p>`,
  )
  const text = [
    `Hello ${opts.name}, here is what happened on Rounds since your last digest:`,
    '',
    ...opts.items.map((n) => `- ${n.text}${n.excerpt ? `: "${n.excerpt}"` : ''}\n  ${site}${n.link}`),
    ...(more > 0 ? ['', `And ${more}${opts.capped ? '+' : ''} more.`] : []),
    '',
    `All notifications: ${site}/notifications`,
    `Email settings: ${site}/settings/notifications`,
  ].join('\n')
  return { subject: title, html, text }
}

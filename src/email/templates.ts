import { publicUrl } from '@/lib/publicUrl'

export const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export const layout = (title: string, body: string) => `<!doctype html>
<html><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:560px;margin:auto;padding:24px">
<p style="font-weight:700;color:#0e7490;font-size:18px">Rounds</p>
<h1 style="font-size:20px">${escape(title)}</h1>
${body}
<p style="color:#64748b;font-size:12px;margin-top:32px">You receive this email because of your account at Rounds.</p>
</body></html>`

export function verificationCodeEmail(code: string, name?: string) {
  return {
    subject: `${code} is your Rounds verification code`,
    html: layout(
      'Confirm your email address',
      `<p>Hello${name ? ` ${escape(name)}` : ''},</p>
<p>Your verification code is</p>
<p style="font-size:32px;letter-spacing:8px;font-weight:700">${escape(code)}</p>
<p>It expires in 10 minutes. If you did not sign up for Rounds, ignore this email.</p>`,
    ),
    text: `Your Rounds verification code is ${code}. It expires in 10 minutes.`,
  }
}

export function forgotPasswordEmail(token: string) {
  const url = `${publicUrl()}/reset-password?token=${encodeURIComponent(token)}`
  return layout(
    'Reset your password',
    `<p>Someone asked to reset the password of your Rounds account.</p>
<p><a href="${escape(url)}">Choose a new password</a> (the link works once, for 30 minutes).</p>
<p>${escape(url)}</p>
<p>If it was not you, ignore this email: your password stays as it is.</p>`,
  )
}

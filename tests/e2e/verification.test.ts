import type { Browser } from 'playwright-core'
import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { E2E_ADMIN } from '../setup/server'
import { launch, newMobilePage, newPage, snap } from '../helpers/browser'
import { adminBrowserLogin, adminToken, adminTwoFactor, api, registerMember, signInContext } from './support'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

async function licencePdf(text: string) {
  const pdf = await PDFDocument.create()
  pdf.addPage([420, 300]).drawText(text, { x: 30, y: 150, size: 14 })
  return Buffer.from(await pdf.save())
}

describe('licence verification', () => {
  it('a doctor sends their licence on a phone, an administrator approves it in the admin, and the doctor is verified', async () => {
    const doctor = await registerMember('Dr Verification Seeker')
    const number = `GMC-${Date.now().toString().slice(-7)}`

    // The doctor, on a phone: settings, licence verification, the form.
    const member = await newMobilePage(browser)
    await signInContext(member.context, doctor.email, doctor.password)
    await member.page.goto('/settings/verification')
    await member.page.getByRole('heading', { name: 'Verify your licence' }).waitFor()
    await member.page.getByLabel('Licence number').fill(number)
    await member.page.getByLabel('Issued by').fill('General Medical Council (UK)')
    await member.page.locator('input[type="file"][name="file"]').setInputFiles({ name: 'licence.pdf', mimeType: 'application/pdf', buffer: await licencePdf(number) })
    await member.page.getByRole('button', { name: 'Send for review' }).click()
    await member.page.getByText('Verification pending').first().waitFor({ timeout: 30_000 })
    expect(await member.page.getByText(number).count()).toBeGreaterThan(0)
    await snap(member.page, 'verification-pending')

    // The request is in the review queue, open and oldest first.
    const token = await adminToken()
    const me = await api('GET', '/api/users/me', undefined, doctor.token)
    const found = await api('GET', `/api/licence-verifications?where[user][equals]=${me.body.user.id}&depth=0`, undefined, token)
    expect(found.status).toBe(200)
    const request = found.body.docs[0] as { id: number; status: string }
    expect(request.status).toBe('submitted')

    const staff = await newPage(browser)
    await adminBrowserLogin(staff.page, E2E_ADMIN.email, E2E_ADMIN.password, adminTwoFactor().secret)
    await staff.page.locator('.dashboard').waitFor({ timeout: 30_000 })
    await staff.page.goto('/admin/collections/licence-verifications?where[status][equals]=submitted&sort=submittedAt&limit=50')
    await staff.page.getByText(number).first().waitFor({ timeout: 30_000 })
    await snap(staff.page, 'verification-queue')

    // The request's page: the document opens, and Approve decides.
    await staff.page.goto(`/admin/collections/licence-verifications/${request.id}`)
    const open = staff.page.getByRole('link', { name: 'Open the licence document' })
    await open.waitFor({ timeout: 30_000 })
    const file = await staff.page.request.get((await open.getAttribute('href'))!)
    expect(file.status()).toBe(200)
    expect(file.headers()['content-type']).toContain('application/pdf')
    await staff.page.getByRole('button', { name: 'Approve' }).click()
    await staff.page.getByText('Approved: the member is now verified.').waitFor({ timeout: 30_000 })
    await snap(staff.page, 'verification-approved')

    const after = await api('GET', `/api/users/${me.body.user.id}`, undefined, token)
    expect(after.body).toMatchObject({ verificationStatus: 'verified' })
    expect(after.body.verifiedUntil).toBeTruthy()

    // The doctor sees it, and the notification.
    await member.page.reload()
    await member.page.getByText('Verified doctor').first().waitFor()
    await member.page.getByText(/Your licence is verified until/).waitFor()
    expect(await member.page.getByRole('heading', { name: 'Verify your licence' }).count()).toBe(0)
    await member.page.goto('/notifications')
    await member.page.getByText('Your licence is verified').first().waitFor({ timeout: 30_000 })
    await snap(member.page, 'verification-verified')

    // Someone else cannot open the document.
    const stranger = await registerMember('Curious Member')
    const peek = await api('GET', `/api/licence-verifications/${request.id}`, undefined, stranger.token)
    expect([403, 404]).toContain(peek.status)

    await member.context.close()
    await staff.context.close()
  })
})

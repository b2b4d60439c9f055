import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { baseURL, launch, pageErrors, snap } from '../helpers/browser'
import { adminToken, api, registerMember, signInContext } from './support'

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

/** A confirmed member whom the administrator has verified as a doctor; returns their id and handle. */
async function verifiedDoctor(name: string) {
  const member = await registerMember(name)
  const me = await api('GET', '/api/users/me', undefined, member.token)
  const id = me.body.user.id as number
  const verified = await api('PATCH', `/api/users/${id}`, { verificationStatus: 'verified' }, await adminToken())
  if (verified.status !== 200) throw new Error(`verification failed (${verified.status}): ${JSON.stringify(verified.body)}`)
  await api('POST', '/api/users/logout', undefined, member.token)
  return { ...member, id, handle: me.body.user.handle as string }
}

describe('direct messages between two doctors', () => {
  it('A messages B from the profile; each sees the other live, and A sees "Read"', async () => {
    const [ada, ben] = await Promise.all([verifiedDoctor('Ada Cardio'), verifiedDoctor('Ben Neuro')])
    const desk = await browser.newContext({ baseURL: baseURL(), viewport: { width: 1280, height: 900 } })
    const phone = await browser.newContext({ baseURL: baseURL(), viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    await signInContext(desk, ada.email, ada.password)
    await signInContext(phone, ben.email, ben.password)

    // Ada opens Ben's profile and presses Message.
    const a = await desk.newPage()
    const aErrors = pageErrors(a)
    await a.goto(`/doctors/${ben.handle}`)
    await a.getByRole('button', { name: 'Follow' }).click()
    await a.getByRole('button', { name: 'Unfollow' }).waitFor()
    await a.getByRole('button', { name: 'Message' }).click()
    await a.waitForURL(/\/messages\/\d+$/)
    const conversation = new URL(a.url()).pathname

    // Ben has the conversation open on his phone.
    const b = await phone.newPage()
    const bErrors = pageErrors(b)
    await b.goto(conversation)
    await b.getByRole('textbox', { name: 'Message' }).waitFor()
    await b.waitForTimeout(500)

    await a.getByRole('textbox', { name: 'Message' }).fill('Could you look at the MRI for bed 4?')
    await a.getByRole('button', { name: 'Send' }).click()
    await b.getByText('Could you look at the MRI for bed 4?').waitFor({ timeout: 10_000 })

    await b.getByRole('textbox', { name: 'Message' }).fill('On my way after rounds.')
    await b.getByRole('textbox', { name: 'Message' }).press('Enter')
    await a.getByText('On my way after rounds.').waitFor({ timeout: 10_000 })
    await a.locator('.bubble--mine [data-state="Read"]').waitFor({ timeout: 10_000 })
    expect(await a.locator('.bubble--mine').count()).toBe(1)

    // The phone layout fits the screen; the inbox lists the conversation.
    const overflow = await b.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await snap(b, 'messages-thread-phone')
    await b.goto('/messages')
    await b.getByRole('link', { name: /Ada Cardio/ }).waitFor()
    expect(aErrors.map(String)).toEqual([])
    expect(bErrors.map(String)).toEqual([])
    await desk.close()
    await phone.close()
  }, 120_000)
})

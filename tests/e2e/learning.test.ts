import type { Browser, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ANSWER_KEY } from '@/domain/learning/quiz/demo'
import { LAB_COURSE_SLUG } from '@/domain/seed/learningLab'
import { baseURL, launch, pageErrors, snap } from '../helpers/browser'
import { signInContext, verifiedDoctor } from './support'

/**
 * A doctor takes the demo "ECG practice lab" from enrolment to a certificate, in the browser: watches
 * part of the video, passes the server-graded quiz, completes the SCORM 1.2 package inside the player,
 * then the certificate's QR link verifies it on the public page while a tampered code does not.
 */
let browser: Browser
let doctor: Awaited<ReturnType<typeof verifiedDoctor>>

beforeAll(async () => {
  browser = await launch()
  doctor = await verifiedDoctor('Lena Learner')
}, 120_000)

afterAll(async () => {
  await browser?.close()
})

const normal = (text: string) => text.replace(/\s+/g, ' ').trim()

/** The learner's progress in a lesson, read through the API as the browser's session. */
async function progressOf(page: Page, lesson: number) {
  // The session cookie counts for requests from the site's own origin (CSRF), as the site's own fetches are.
  const res = await page.request.get(`/api/lesson-progress?where[lesson][equals]=${lesson}&depth=0`, { headers: { Origin: baseURL() } })
  const doc = (await res.json()).docs?.[0] as { status: string; fraction: number; score?: number | null } | undefined
  return doc ?? null
}

const lessonIdOf = (page: Page) => Number(new URL(page.url()).pathname.split('/').pop())

async function openLesson(page: Page, title: string) {
  await page.goto(`/learn/${LAB_COURSE_SLUG}`)
  await page.getByRole('link', { name: title }).first().click()
  await page.waitForURL(/\/lessons\/\d+$/)
  await page.getByRole('heading', { level: 1, name: title }).waitFor()
  return lessonIdOf(page)
}

/** Answers every question shown by its prompt, from the quiz's answer key. */
async function answerQuiz(page: Page) {
  const questions = page.getByRole('group')
  await questions.first().waitFor()
  const count = await questions.count()
  for (let i = 0; i < count; i++) {
    const question = questions.nth(i)
    const legend = normal(await question.locator('legend').innerText())
    const key = ANSWER_KEY.find((k) => legend.includes(normal(k.prompt)))
    if (!key) throw new Error(`no answer for "${legend}"`)
    if (key.kind === 'numeric') await question.getByRole('spinbutton').fill(String(key.value))
    else for (const label of key.correct) await question.getByLabel(label, { exact: true }).check()
  }
}

/** The SCO's own frame, once the package's launch page has loaded in the player. */
async function scoFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().find((f) => f.url().includes('/scorm/'))?.url() ?? '', { timeout: 60_000 }).toContain('/scorm/')
  return page.frames().find((f) => f.url().includes('/scorm/'))!
}

describe('learning', () => {
  it('a doctor enrols, watches part of the video, passes the quiz, completes a SCORM lesson, gets a certificate that its QR link verifies', async () => {
    const context = await browser.newContext({ baseURL: baseURL(), viewport: { width: 1280, height: 900 } })
    await signInContext(context, doctor.email, doctor.password)
    const page = await context.newPage()
    const errors = pageErrors(page)
    page.on('dialog', (dialog) => void dialog.accept())

    // Enrol from the course page.
    await page.goto(`/learn/${LAB_COURSE_SLUG}`)
    await page.getByRole('button', { name: 'Enrol for free' }).click()
    await page.getByRole('link', { name: /Start the course|Continue/ }).first().waitFor({ timeout: 30_000 })
    await snap(page, 'learning-course-enrolled')

    // Part of the video: a few seconds played, then paused, are counted, and not more.
    const video = await openLesson(page, 'A rhythm strip, step by step')
    const player = page.locator('video')
    await player.waitFor()
    await player.evaluate(async (v: HTMLVideoElement) => {
      v.muted = true
      await v.play()
    })
    await page.waitForTimeout(4500)
    await player.evaluate((v: HTMLVideoElement) => v.pause())
    await expect.poll(async () => (await progressOf(page, video))?.fraction ?? 0, { timeout: 30_000 }).toBeGreaterThan(0.1)
    const watched = await progressOf(page, video)
    expect(watched?.status).toBe('started')
    expect(watched!.fraction).toBeLessThan(0.9)

    // The quiz, graded on the server.
    const quiz = await openLesson(page, 'ECG basics: check your understanding')
    await page.getByRole('button', { name: 'Start the quiz' }).click()
    await answerQuiz(page)
    await snap(page, 'learning-quiz-answered')
    await page.getByRole('button', { name: 'Submit answers' }).click()
    await page.getByRole('heading', { name: 'Passed' }).waitFor({ timeout: 30_000 })
    expect((await progressOf(page, quiz))?.status).toBe('completed')

    // The SCORM 1.2 package, run inside the player: through its pages to the end, then Exit.
    const scorm = await openLesson(page, 'Interactive package: Golf Explained (SCORM 1.2 sample)')
    const frame = await scoFrame(page)
    const next = frame.locator('#butNext')
    await next.waitFor({ timeout: 30_000 })
    for (let i = 0; i < 30 && (await next.isEnabled()); i++) {
      await next.click()
      await page.waitForTimeout(150)
    }
    await frame.locator('#butExit').click()
    await expect.poll(async () => (await progressOf(page, scorm))?.status ?? null, { timeout: 30_000 }).toBe('completed')

    // Completing the required lessons completes the course and issues the certificate.
    await page.goto('/learn/certificates')
    const link = page.getByRole('link', { name: 'ECG practice lab: watch, check, simulate' })
    await link.waitFor({ timeout: 30_000 })
    await link.click()
    await page.waitForURL(/\/learn\/certificates\/\d+$/)
    const qr = page.getByRole('img', { name: /^QR code of / })
    await qr.waitFor()
    const target = (await qr.getAttribute('alt'))!.replace(/^QR code of /, '')
    expect(target).toMatch(/\/verify\/RND-/)
    await snap(page, 'learning-certificate')

    // Anyone can follow the QR code's link; a code changed by one character is refused.
    const visitor = await browser.newContext({ baseURL: baseURL() })
    const check = await visitor.newPage()
    await check.goto(new URL(target).pathname)
    await check.getByRole('heading', { level: 1, name: 'Valid certificate' }).waitFor()
    expect(await check.getByText('Lena Learner').count()).toBeGreaterThan(0)
    const code = new URL(target).pathname.split('/').pop()!
    const last = code.at(-1)!
    const tampered = code.slice(0, -1) + (last === 'A' ? 'B' : 'A')
    await check.goto(`/verify/${tampered}`)
    await check.getByRole('heading', { level: 1, name: 'Not a valid certificate' }).waitFor()
    await visitor.close()

    expect(errors).toEqual([])
    await context.close()
  }, 240_000)
})

import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Payload } from 'payload'

import { query, sql } from '@/db/sql'
import { createLessonMediaFromFile } from '@/domain/learning/lessonMedia'
import { createDemoLiveSession } from '@/domain/learning/live/demo'
import { createDemoQuiz } from '@/domain/learning/quiz/demo'
import { importScormPackage } from '@/domain/learning/scorm/import'

const ASSETS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets')

/** The demo course that shows every kind of lesson the player runs. */
export const LAB_COURSE_SLUG = 'ecg-practice-lab'
/** Length of the demo video (assets/lesson-video.webm, made by scripts/make-lesson-fixtures.ts). */
const VIDEO_SECONDS = 12

const paragraph = (text: string) => ({
  type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0,
  children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
})
const lexical = (...lines: string[]) => ({ root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: lines.map(paragraph) } })

/**
 * "ECG practice lab": a free course with a certificate, whose lessons are a video, a graded quiz, a
 * SCORM 1.2 package and a live session; completing the quiz and the SCORM lesson completes the course.
 * The end-to-end tests take a doctor through it. Runs once.
 */
export async function seedLearningLab(payload: Payload, opts: { instructors: number[]; hosts: number[] }) {
  const [existing] = await query(payload, sql`select 1 from courses where slug = ${LAB_COURSE_SLUG}`)
  if (existing) return
  const course = await payload.create({
    collection: 'courses',
    data: {
      title: 'ECG practice lab: watch, check, simulate',
      slug: LAB_COURSE_SLUG,
      summary: 'A short hands-on lab: watch a rhythm strip, check yourself with a graded quiz, run a simulation package and join the live case discussion.',
      description: lexical(
        'This lab puts the ECG essentials to work. Each module is a different way of learning: a short video, a quiz graded by the server with explanations after you submit, an interactive package that runs in the player, and a live session with questions and polls.',
        'Completing the quiz (70% to pass) and the interactive package earns a certificate you can share: its QR code leads to a public page that confirms it.',
      ),
      level: 'introductory',
      durationMinutes: 45,
      creditHours: 1,
      instructors: opts.instructors,
      tags: ['ecg', 'practice'],
      pricing: 'free',
      completion: { rule: 'required', percent: 100 },
      certificate: { enabled: true, validityMonths: 24 },
      _status: 'published',
    } as never,
    overrideAccess: true,
    depth: 0,
  })
  const lesson = async (moduleTitle: string, order: number, data: Record<string, unknown>) => {
    const mod = await payload.create({
      collection: 'course-modules',
      data: { course: course.id, title: moduleTitle, order } as never,
      overrideAccess: true,
      depth: 0,
    })
    const doc = await payload.create({ collection: 'lessons', data: { module: mod.id, order: 0, ...data } as never, overrideAccess: true, depth: 0 })
    return doc.id as number
  }

  const video = await createLessonMediaFromFile(payload, path.join(ASSETS, 'lesson-video.webm'), 'video/webm', { title: 'A rhythm strip, step by step' })
  await lesson('Watch', 0, {
    title: 'A rhythm strip, step by step',
    kind: 'video',
    summary: 'Twelve seconds of a strip with its rate counted out loud.',
    required: false,
    estimatedMinutes: 1,
    preview: true,
    video: { file: video.id, durationSeconds: VIDEO_SECONDS },
  })
  const quizLesson = await lesson('Check', 1, {
    title: 'ECG basics: check your understanding',
    kind: 'quiz',
    summary: 'Seven questions, graded on the server; 70% to pass, three attempts.',
    weight: 2,
    estimatedMinutes: 10,
  })
  await createDemoQuiz(payload, { lesson: quizLesson })
  const scormLesson = await lesson('Simulate', 2, {
    title: 'Interactive package: Golf Explained (SCORM 1.2 sample)',
    kind: 'scorm',
    summary: 'A SCORM 1.2 package by Rustici Software that runs in the player and reports its status and score.',
    weight: 2,
    estimatedMinutes: 10,
  })
  await importScormPackage(payload, {
    lesson: scormLesson,
    zip: await fs.readFile(path.join(ASSETS, 'singlescobasic.zip')),
    filename: 'singlescobasic.zip',
    title: 'Golf Explained: run-time basic calls',
  })
  const liveLesson = await lesson('Discuss live', 3, {
    title: 'Live: atrial fibrillation after a bleed',
    kind: 'live',
    summary: 'A case-based webinar with live questions and polls.',
    required: false,
    estimatedMinutes: 75,
  })
  await createDemoLiveSession(payload, { course: Number(course.id), lesson: liveLesson, hosts: opts.hosts })
}

/**
 * Makes the lesson fixtures used by tests and the demo seed:
 *   tests/fixtures/lesson-video.webm     a 12 s WebM (VP8/VP9) drawn on a canvas and recorded by Chromium
 *   tests/fixtures/lesson-document.pdf   a 3-page PDF made with pdf-lib
 *
 *   npx tsx scripts/make-lesson-fixtures.ts
 *
 * Needs Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH).
 */
import fs from 'node:fs'
import path from 'node:path'

import { PDFDocument, rgb, StandardFonts } from 'pdf-lib'
import { chromium } from 'playwright-core'

const OUT = path.resolve(process.cwd(), 'tests/fixtures')
const SECONDS = 12

/** Runs in the page: draws a moving slide on a canvas and records it with MediaRecorder. */
const RECORD = `(async () => {
  const seconds = __SECONDS__
  const canvas = document.createElement('canvas')
  canvas.width = 320
  canvas.height = 180
  document.body.appendChild(canvas)
  const ctx = canvas.getContext('2d')
  const started = performance.now()
  const draw = () => {
    const t = (performance.now() - started) / 1000
    ctx.fillStyle = '#0e7490'
    ctx.fillRect(0, 0, 320, 180)
    ctx.fillStyle = '#ffffff'
    ctx.font = 'bold 22px sans-serif'
    ctx.fillText('Rounds lesson', 16, 40)
    ctx.font = '18px sans-serif'
    ctx.fillText(Math.min(seconds, t).toFixed(1) + ' s of ' + seconds + ' s', 16, 76)
    ctx.fillStyle = '#fde68a'
    ctx.fillRect(16, 140, (288 * Math.min(t, seconds)) / seconds, 16)
    ctx.beginPath()
    ctx.arc(160 + 120 * Math.cos(t * 2), 110 + 10 * Math.sin(t * 3), 10, 0, Math.PI * 2)
    ctx.fill()
  }
  draw()
  const timer = setInterval(draw, 1000 / 15)
  const stream = canvas.captureStream(15)
  const type = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t))
  const recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: 120000 })
  const chunks = []
  recorder.ondataavailable = (e) => { if (e.data.size) chunks.push(e.data) }
  const done = new Promise((resolve) => { recorder.onstop = resolve })
  recorder.start(1000)
  await new Promise((r) => setTimeout(r, seconds * 1000))
  recorder.stop()
  await done
  clearInterval(timer)
  const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
})()`

async function makeVideo(): Promise<Buffer> {
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && fs.existsSync(p))
  if (!executablePath) throw new Error('Chromium not found: install Debian chromium or set CHROMIUM_PATH')
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'] })
  try {
    const page = await browser.newPage()
    // A script text, not a function: the TypeScript runner's helpers would not exist in the page.
    const base64 = (await page.evaluate(RECORD.replace('__SECONDS__', String(SECONDS)))) as string
    return Buffer.from(base64, 'base64')
  } finally {
    await browser.close()
  }
}

async function makeDocument(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  pdf.setTitle('Rounds lesson document')
  pdf.setCreator('Rounds')
  // Fixed dates keep the file identical from one run to the next.
  pdf.setCreationDate(new Date('2026-01-01T00:00:00Z'))
  pdf.setModificationDate(new Date('2026-01-01T00:00:00Z'))
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold)
  const pages = [
    ['Page 1: Why this lesson', 'Hand hygiene before and after every patient contact.'],
    ['Page 2: The five moments', 'Before touching a patient, before a clean procedure, after body fluid exposure, after touching a patient, after touching the surroundings.'],
    ['Page 3: Check yourself', 'You have reached the last page of this document.'],
  ]
  for (const [title, text] of pages) {
    const page = pdf.addPage([595, 842])
    page.drawText(title, { x: 56, y: 760, size: 22, font: bold, color: rgb(0.05, 0.45, 0.56) })
    page.drawText(text, { x: 56, y: 720, size: 12, font, maxWidth: 480, lineHeight: 16 })
  }
  return pdf.save()
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true })
  const pdf = await makeDocument()
  fs.writeFileSync(path.join(OUT, 'lesson-document.pdf'), pdf)
  console.log(`lesson-document.pdf: ${pdf.length} bytes`)
  const video = await makeVideo()
  if (video.length > 1024 * 1024) throw new Error(`The video came out at ${video.length} bytes; keep it under 1 MB`)
  fs.writeFileSync(path.join(OUT, 'lesson-video.webm'), video)
  console.log(`lesson-video.webm: ${video.length} bytes, ${SECONDS} s`)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})

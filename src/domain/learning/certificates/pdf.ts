import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import QRCode from 'qrcode'

import { publicUrl } from '@/lib/publicUrl'
import { certificateDate, certificateStatus, creditHoursText } from './status'

/** What a certificate says, as issued. */
export type CertificateText = {
  code: string
  learnerName: string
  courseTitle: string
  creditHours: number | null
  completedAt: string
  issuedAt: string
  expiresAt: string | null
  revokedAt: string | null
}

/** The public page that checks a certificate: what its QR code and printed link point at. */
export const verificationUrl = (code: string) => `${publicUrl()}/verify/${encodeURIComponent(code)}`

/** The QR code of the verification page, as a PNG. */
export const verificationQrPng = (code: string) =>
  QRCode.toBuffer(verificationUrl(code), { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 360, color: { dark: '#0b3b4a', light: '#ffffff' } })

const A4_LANDSCAPE: [number, number] = [841.89, 595.28]
const INK = rgb(0.11, 0.16, 0.2)
const MUTED = rgb(0.36, 0.42, 0.47)
const BRAND = rgb(0.05, 0.45, 0.56)
const RED = rgb(0.72, 0.11, 0.11)

/**
 * The standard PDF fonts only know Windows-1252: a character they cannot draw is written without its
 * accent when that helps (e.g. "Dvořák" becomes "Dvorak"), else as "?".
 */
function drawable(font: PDFFont, text: string): string {
  let out = ''
  for (const ch of text) {
    for (const candidate of [ch, ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''), '?']) {
      try {
        font.encodeText(candidate)
        out += candidate
        break
      } catch {
        // try the next candidate
      }
    }
  }
  return out
}

/** Lines of at most `width` points. */
function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line)
      line = word
    } else line = next
  }
  if (line) lines.push(line)
  return lines
}

function centered(page: PDFPage, font: PDFFont, text: string, size: number, y: number, color = INK) {
  const safe = drawable(font, text)
  const width = font.widthOfTextAtSize(safe, size)
  page.drawText(safe, { x: (page.getWidth() - width) / 2, y, size, font, color })
}

/** Largest size (down to `min`) at which `text` fits in `width`. */
function fitting(font: PDFFont, text: string, size: number, min: number, width: number) {
  let s = size
  while (s > min && font.widthOfTextAtSize(text, s) > width) s -= 1
  return s
}

/**
 * The certificate as an A4 landscape PDF: the Rounds name, the learner, the course, its credit hours,
 * the dates, the verification code and a QR code of the verification page.
 */
export async function renderCertificatePdf(cert: CertificateText, now: Date = new Date()): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  pdf.setTitle(`Certificate of completion: ${cert.courseTitle}`)
  pdf.setSubject(`Verification code ${cert.code}`)
  pdf.setAuthor('Rounds')
  pdf.setCreator('Rounds')
  pdf.setKeywords(['certificate', cert.code])
  pdf.setCreationDate(new Date(cert.issuedAt))

  const page = pdf.addPage(A4_LANDSCAPE)
  const [W, H] = A4_LANDSCAPE
  const regular = await pdf.embedFont(StandardFonts.Helvetica)
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold)
  const serif = await pdf.embedFont(StandardFonts.TimesRomanBoldItalic)

  page.drawRectangle({ x: 24, y: 24, width: W - 48, height: H - 48, borderColor: BRAND, borderWidth: 3 })
  page.drawRectangle({ x: 34, y: 34, width: W - 68, height: H - 68, borderColor: BRAND, borderWidth: 0.75, opacity: 0 })

  centered(page, bold, 'R O U N D S', 20, H - 92, BRAND)
  centered(page, regular, 'Continuing medical education', 11, H - 110, MUTED)
  centered(page, serif, 'Certificate of Completion', 38, H - 170)
  centered(page, regular, 'This certifies that', 13, H - 210, MUTED)

  const name = drawable(serif, cert.learnerName)
  centered(page, serif, name, fitting(serif, name, 32, 18, W - 160), H - 252)
  page.drawLine({ start: { x: W / 2 - 220, y: H - 262 }, end: { x: W / 2 + 220, y: H - 262 }, thickness: 0.75, color: MUTED })

  centered(page, regular, 'has completed the course', 13, H - 290, MUTED)
  const titleLines = wrap(bold, drawable(bold, cert.courseTitle), 20, W - 200).slice(0, 2)
  titleLines.forEach((line, i) => centered(page, bold, line, 20, H - 322 - i * 26))

  let y = H - 322 - titleLines.length * 26 - 8
  if (cert.creditHours !== null && cert.creditHours > 0) {
    centered(page, regular, `Awarded ${creditHoursText(cert.creditHours)}`, 13, y)
    y -= 22
  }
  const dates = [`Completed ${certificateDate(cert.completedAt)}`, `Issued ${certificateDate(cert.issuedAt)}`]
  dates.push(cert.expiresAt ? `Valid until ${certificateDate(cert.expiresAt)}` : 'Does not expire')
  centered(page, regular, dates.join('   |   '), 11, y, MUTED)

  const status = certificateStatus(cert, now)
  if (status !== 'valid') {
    const note = status === 'revoked' ? `REVOKED on ${certificateDate(cert.revokedAt!)}` : `EXPIRED on ${certificateDate(cert.expiresAt!)}`
    centered(page, bold, note, 16, y - 30, RED)
  }

  // Verification: code and link at the bottom left, QR code at the bottom right.
  const qr = await pdf.embedPng(await verificationQrPng(cert.code))
  const qrSize = 104
  page.drawImage(qr, { x: W - 60 - qrSize, y: 56, width: qrSize, height: qrSize })
  page.drawText('Verification code', { x: 64, y: 112, size: 10, font: regular, color: MUTED })
  page.drawText(cert.code, { x: 64, y: 92, size: 16, font: bold, color: INK })
  const url = verificationUrl(cert.code)
  page.drawText(drawable(regular, `Check this certificate at ${url}`), { x: 64, y: 72, size: 9, font: regular, color: MUTED })
  page.drawText('or scan the code', { x: W - 60 - qrSize, y: 44, size: 8, font: regular, color: MUTED })

  return pdf.save()
}

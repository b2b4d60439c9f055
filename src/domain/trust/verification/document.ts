import path from 'node:path'

import { fileTypeFromBuffer } from 'file-type'

import { RuleError } from '@/lib/ruleError'

export const LICENCE_DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const
export const LICENCE_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024

/**
 * Where licence documents are kept on disk when no object storage is used: never inside the public
 * media folder (whose file route any visitor may call), but beside it, or under .data by default.
 */
export const LICENCE_DOCUMENT_DIR = path.resolve(
  process.env.LICENCE_DOCUMENTS_DIR ||
    (process.env.MEDIA_DIR ? `${process.env.MEDIA_DIR.replace(/[\\/]+$/, '')}-licence-documents` : path.join(process.cwd(), '.data', 'licence-documents')),
)

export type IncomingFile = { data: Buffer; mimetype?: string; name?: string; size?: number }

/** The bytes decide: a PDF, JPEG or PNG of at most 10 MB; returns the file with its true type and extension. */
export async function checkLicenceDocument(file: IncomingFile | undefined | null): Promise<IncomingFile & { mimetype: string; name: string; size: number }> {
  if (!file?.data?.length) throw new RuleError('Attach your licence document (PDF, JPEG or PNG).', 400)
  if (file.data.length > LICENCE_DOCUMENT_MAX_BYTES || (file.size ?? 0) > LICENCE_DOCUMENT_MAX_BYTES) {
    throw new RuleError('The document is larger than 10 MB.', 413)
  }
  const detected = await fileTypeFromBuffer(file.data)
  if (!detected || !(LICENCE_DOCUMENT_TYPES as readonly string[]).includes(detected.mime)) {
    throw new RuleError('The document must be a PDF, JPEG or PNG file.', 415)
  }
  const base = (file.name || 'licence').replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '-').slice(0, 80) || 'licence'
  return { data: file.data, mimetype: detected.mime, name: `${base}.${detected.ext}`, size: file.data.length }
}

import type { CollectionBeforeOperationHook } from 'payload'
import { APIError } from 'payload'
import { fileTypeFromBuffer } from 'file-type'

export const ALLOWED_UPLOAD_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/avif',
  'application/pdf',
  'video/mp4',
  'video/webm',
] as const

const MAX_BYTES = 10 * 1024 * 1024

/**
 * The declared content type and file name are the client's word; the bytes decide. Anything that is
 * not one of the allowed binary formats (SVG, HTML and other text included) is refused.
 */
export const sniffUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file?.data) return args
  if (file.size > MAX_BYTES || file.data.length > MAX_BYTES) {
    throw new APIError('The file is larger than 10 MB.', 413, null, true)
  }
  const detected = await fileTypeFromBuffer(file.data)
  if (!detected || !(ALLOWED_UPLOAD_TYPES as readonly string[]).includes(detected.mime)) {
    throw new APIError(
      `This file type is not accepted. Upload an image (JPEG, PNG, WebP, GIF, AVIF), a PDF or an MP4/WebM video.`,
      415,
      null,
      true,
    )
  }
  file.mimetype = detected.mime
  const base = (file.name || 'upload').replace(/\.[^.]+$/, '')
  file.name = `${base}.${detected.ext}`
  return args
}

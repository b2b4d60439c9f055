import path from 'node:path'

import type { Access, CollectionBeforeOperationHook, CollectionConfig, Where } from 'payload'
import { APIError } from 'payload'
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type'

import { fieldNobody } from '@/access'
import { hasRole, isStaffUser } from '@/access/roles'
import { signedMediaId } from '@/domain/learning/lessonMedia'
import { isAuthor } from './access'

/**
 * Never inside the media folder: `media` is public and its file route serves any path below its folder
 * to anyone, which would bypass the signatures. Beside it when MEDIA_DIR is set (throw-away servers),
 * else under .data.
 */
export const LESSON_MEDIA_DIR = path.resolve(
  process.env.LESSON_MEDIA_DIR ||
    (process.env.MEDIA_DIR ? `${process.env.MEDIA_DIR.replace(/[\\/]+$/, '')}-lesson-media` : path.join(process.cwd(), '.data', 'lesson-media')),
)

export const LESSON_MEDIA_TYPES = ['video/mp4', 'video/webm', 'application/pdf'] as const

/**
 * Lecture videos are far larger than the pictures members post: 200 MB holds about 25 minutes of 720p
 * video at 1 Mbit/s, the length of a recorded lecture segment. Only authors upload here, so the larger
 * ceiling is not open to every member. Payload's request parser has its own, global limit
 * (`upload.limits.fileSize` in payload.config.ts, 10 MB): until it is raised (with `useTempFiles`, so that
 * large bodies go to disk rather than memory), uploads through REST and the admin stop there, while files
 * stored from disk with createLessonMediaFromFile are held to this limit only.
 */
export const LESSON_MEDIA_MAX_BYTES = 200 * 1024 * 1024

/** The bytes decide the type, as for `media`: only MP4, WebM and PDF are kept. */
const sniffLessonMedia: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args
  if (file.size > LESSON_MEDIA_MAX_BYTES || (file.data?.length ?? 0) > LESSON_MEDIA_MAX_BYTES) {
    throw new APIError('The file is larger than 200 MB.', 413, null, true)
  }
  // With the parser's temp files on (large uploads kept on disk), the bytes are in the temp file.
  const detected = file.data?.length
    ? await fileTypeFromBuffer(file.data)
    : file.tempFilePath
      ? await fileTypeFromFile(file.tempFilePath)
      : undefined
  if (!detected || !(LESSON_MEDIA_TYPES as readonly string[]).includes(detected.mime)) {
    throw new APIError('Lesson media must be an MP4 or WebM video or a PDF document.', 415, null, true)
  }
  file.mimetype = detected.mime
  file.name = `${(file.name || 'lesson').replace(/\.[^.]+$/, '')}.${detected.ext}`
  return args
}

/**
 * Staff read every file; an instructor the files they uploaded. Learners never list or read lesson
 * media: they fetch the file itself with a URL signed for them (GET /api/lessons/:id/media), which this
 * rule accepts on the file route only, for the one file it names.
 */
const readLessonMedia: Access = ({ req, isReadingStaticFile }): boolean | Where => {
  const { user } = req
  if (isStaffUser(user)) return true
  if (isReadingStaticFile) {
    const id = signedMediaId(req.searchParams, user && user.collection === 'users' ? Number(user.id) : null)
    if (id !== null) return { id: { equals: id } } satisfies Where
  }
  if (user && hasRole(user, 'instructor')) return { owner: { equals: user.id } } satisfies Where
  return false
}

const ownFilesOrStaff: Access = ({ req: { user } }): boolean | Where => {
  if (!user) return false
  if (isStaffUser(user)) return true
  return hasRole(user, 'instructor') ? { owner: { equals: user.id } } : false
}

export const LessonMedia: CollectionConfig = {
  slug: 'lesson-media',
  labels: { singular: 'Lesson media', plural: 'Lesson media' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'filename', 'mimeType', 'filesize', 'owner'], group: 'Learning' },
  access: {
    read: readLessonMedia,
    create: ({ req: { user } }) => isAuthor(user),
    update: ownFilesOrStaff,
    delete: ownFilesOrStaff,
  },
  hooks: {
    beforeOperation: [sniffLessonMedia],
    beforeChange: [
      ({ data, operation, req }) => {
        if (operation === 'create' && req.user && (req.payloadAPI !== 'local' || !data.owner)) data.owner = req.user.id
        return data
      },
    ],
  },
  upload: {
    staticDir: LESSON_MEDIA_DIR,
    mimeTypes: [...LESSON_MEDIA_TYPES],
    pasteURL: false,
    // Every answer is for one signed-in learner: shared caches must not keep it.
    modifyResponseHeaders: ({ headers }) => {
      headers.set('Cache-Control', 'private, max-age=600')
      headers.set('X-Content-Type-Options', 'nosniff')
      return headers
    },
  },
  fields: [
    { name: 'title', type: 'text', maxLength: 200 },
    {
      name: 'owner',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      maxDepth: 0,
      access: { create: fieldNobody, update: fieldNobody },
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}

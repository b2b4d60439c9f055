import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

/**
 * Media go to S3-compatible storage when S3_BUCKET is set, otherwise to ./media on disk.
 *
 * The plugin is always registered, disabled without a bucket, and always inserts its fields (`prefix`,
 * `_objectKey`): the database schema, and so the committed migrations, are then the same with or
 * without S3. Registering it only when S3_BUCKET was set made the schema differ, and a production
 * database migrated without S3 failed every media query once S3 was configured.
 */
export function storagePlugins(): Plugin[] {
  const bucket = process.env.S3_BUCKET
  return [
    s3Storage({
      enabled: Boolean(bucket),
      alwaysInsertFields: true,
      // Lesson media under a prefix of their own: the public media route builds keys at the bucket root,
      // so it can never name a lesson file (which only signed URLs may fetch). Licence documents likewise
      // (only their owner and reviewers may fetch them, through their own access-checked route).
      collections: { media: true, 'lesson-media': { prefix: 'lesson-media' }, 'licence-documents': { prefix: 'licence-documents' } },
      bucket: bucket ?? '',
      config: {
        region: process.env.S3_REGION || 'us-east-1',
        endpoint: process.env.S3_ENDPOINT || undefined,
        forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
        credentials:
          process.env.S3_ACCESS_KEY_ID && process.env.S3_SECRET_ACCESS_KEY
            ? { accessKeyId: process.env.S3_ACCESS_KEY_ID, secretAccessKey: process.env.S3_SECRET_ACCESS_KEY }
            : undefined,
      },
    }),
  ]
}

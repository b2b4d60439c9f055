import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

/** Media go to S3-compatible storage when S3_BUCKET is set, otherwise to ./media on disk. */
export function storagePlugins(): Plugin[] {
  const bucket = process.env.S3_BUCKET
  if (!bucket) return []
  return [
    s3Storage({
      collections: { media: true },
      bucket,
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

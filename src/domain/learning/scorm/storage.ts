import fs from 'node:fs/promises'
import path from 'node:path'

import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'

import { contentTypeOf } from './contentTypes'

/**
 * Where the unpacked files of SCORM packages live: under `<media root>/scorm/<package id>/` on disk, or
 * under the key prefix `scorm/<package id>/` in the media bucket when S3_BUCKET is set (as media are).
 * The app serves them itself (`/scorm/<id>/...`), so the bucket stays private.
 */
export type PackageStore = {
  kind: 'local' | 's3'
  put(packageId: number, file: string, data: Uint8Array): Promise<void>
  /** The file's bytes, or null when there is no such file. */
  get(packageId: number, file: string): Promise<Uint8Array | null>
  /** Removes every file of the package (idempotent). */
  remove(packageId: number): Promise<void>
}

const prefix = (packageId: number) => `scorm/${packageId}/`

export function mediaRoot(): string {
  return path.resolve(process.env.MEDIA_DIR || path.join(process.cwd(), 'media'))
}

function localStore(): PackageStore {
  const root = () => path.join(mediaRoot(), 'scorm')
  const dirOf = (id: number) => path.join(root(), String(id))
  const fileOf = (id: number, file: string) => {
    const dir = dirOf(id)
    const full = path.resolve(dir, file)
    // The paths were checked when the package was read; this keeps the store safe on its own.
    if (!full.startsWith(dir + path.sep)) throw new Error('Path outside the package')
    return full
  }
  return {
    kind: 'local',
    async put(id, file, data) {
      const full = fileOf(id, file)
      await fs.mkdir(path.dirname(full), { recursive: true })
      await fs.writeFile(full, data, { flag: 'wx' })
    },
    async get(id, file) {
      try {
        const full = fileOf(id, file)
        // lstat: only regular files are served, never a directory or a link.
        const stat = await fs.lstat(full)
        if (!stat.isFile()) return null
        return new Uint8Array(await fs.readFile(full))
      } catch {
        return null
      }
    },
    async remove(id) {
      await fs.rm(dirOf(id), { recursive: true, force: true })
    },
  }
}

let client: S3Client | null = null
function s3Store(bucket: string): PackageStore {
  client ??= new S3Client({
    region: process.env.S3_REGION || 'us-east-1',
    endpoint: process.env.S3_ENDPOINT || undefined,
    forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
    credentials:
      process.env.S3_ACCESS_KEY_ID && process.env.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: process.env.S3_ACCESS_KEY_ID, secretAccessKey: process.env.S3_SECRET_ACCESS_KEY }
        : undefined,
  })
  const s3 = client
  return {
    kind: 's3',
    async put(id, file, data) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: prefix(id) + file, Body: data, ContentType: contentTypeOf(file) }))
    },
    async get(id, file) {
      try {
        const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: prefix(id) + file }))
        return res.Body ? await res.Body.transformToByteArray() : null
      } catch (err) {
        const name = (err as { name?: string }).name
        if (name === 'NoSuchKey' || name === 'NotFound') return null
        throw err
      }
    },
    async remove(id) {
      let token: string | undefined
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix(id), ContinuationToken: token }))
        const keys = (page.Contents ?? []).map((o) => ({ Key: o.Key! }))
        if (keys.length) await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }))
        token = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (token)
    },
  }
}

/** The store in use: S3 when a bucket is configured, else the local media folder. */
export function packageStore(): PackageStore {
  const bucket = process.env.S3_BUCKET
  return bucket ? s3Store(bucket) : localStore()
}

/** Writes every file, a few at a time; on any failure removes what was written and rethrows. */
export async function storePackageFiles(store: PackageStore, packageId: number, files: { path: string; data: Uint8Array }[]): Promise<void> {
  try {
    await store.remove(packageId)
    const queue = [...files]
    const worker = async () => {
      for (let f = queue.shift(); f; f = queue.shift()) await store.put(packageId, f.path, f.data)
    }
    await Promise.all(Array.from({ length: store.kind === 's3' ? 8 : 4 }, worker))
  } catch (err) {
    await store.remove(packageId).catch(() => {})
    throw err
  }
}

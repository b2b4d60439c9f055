import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import S3rver from 's3rver'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

/**
 * Media on S3-compatible storage, against s3rver: a local server implementing S3's REST protocol
 * (SigV4, path-style buckets), storing objects in a temporary directory.
 */
const BUCKET = 'rounds-media-test'
let MEDIA_DIR: string
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-s3-'))
const s3rver = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: BUCKET }] })

let payload: Payload
let s3: S3Client
let endpoint: string
let client: InstanceType<typeof import('../helpers/rest').RestClient>
let anonymous: InstanceType<typeof import('../helpers/rest').RestClient>
let userId: number

beforeAll(async () => {
  const { port } = (await s3rver.run()) as { port: number }
  endpoint = `http://127.0.0.1:${port}`
  // Before the config is first imported: the storage plugin is chosen from these when it loads.
  Object.assign(process.env, {
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_REGION: 'us-east-1',
  })
  const { getPayload } = await import('payload')
  const config = (await import('@payload-config')).default
  payload = await getPayload({ config })
  MEDIA_DIR = (payload.collections.media.config.upload as { staticDir: string }).staticDir
  ;(payload.db as unknown as { pool: { on: (e: string, f: () => void) => void } }).pool.on('error', () => {})
  const { RestClient } = await import('../helpers/rest')
  const { createUser } = await import('../helpers/users')
  const user = await createUser(payload)
  client = user.client
  userId = user.id
  anonymous = new RestClient()
  s3 = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  })
})

afterAll(async () => {
  s3?.destroy()
  await s3rver.close()
  fs.rmSync(directory, { recursive: true, force: true })
})

async function bucketKeys() {
  const out = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))
  return (out.Contents ?? []).map((o) => o.Key!)
}

function upload(bytes: Buffer, name: string, type: string) {
  const body = new FormData()
  body.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
  body.append('_payload', JSON.stringify({ alt: 'Stored on S3' }))
  return client.post('/media', body)
}

describe('media on S3-compatible storage', () => {
  let doc: any
  let original: Buffer
  const base = `s3-upload-${Date.now().toString(36)}`

  it('an upload puts the image and its resized variants in the bucket, and nothing on local disk', async () => {
    original = await sharp({ create: { width: 1400, height: 900, channels: 3, background: '#7c3aed' } }).png().toBuffer()
    const res = await upload(original, `${base}.png`, 'image/png')
    expect(res.status).toBe(201)
    doc = res.body.doc
    expect(doc.filename).toBe(`${base}.png`)
    expect(typeof doc.owner === 'object' ? doc.owner.id : doc.owner).toBe(userId)

    const keys = await bucketKeys()
    expect(keys).toContain(`${base}.png`)
    for (const size of ['thumbnail', 'card', 'wide']) expect(keys, size).toContain(doc.sizes[size].filename)

    const stored = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: `${base}.png` }))
    expect(stored.ContentType).toBe('image/png')
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(original)).toBe(true)
    const thumb = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: doc.sizes.thumbnail.filename }))
    const thumbMeta = await sharp(Buffer.from(await thumb.Body!.transformToByteArray())).metadata()
    expect(thumbMeta).toMatchObject({ format: 'webp', width: 160, height: 160 })

    const local = fs.existsSync(MEDIA_DIR) ? fs.readdirSync(MEDIA_DIR).filter((f) => f.startsWith(base)) : []
    expect(local).toEqual([])
  })

  it('GET /api/media/file/<filename> serves the bytes from the bucket', async () => {
    const res = await fetchFile(`/media/file/${doc.filename}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.bytes.equals(original)).toBe(true)

    const thumb = await fetchFile(`/media/file/${doc.sizes.thumbnail.filename}`)
    expect(thumb.status).toBe(200)
    expect((await sharp(thumb.bytes).metadata()).format).toBe('webp')

    expect((await fetchFile('/media/file/no-such-file.png')).status).toBe(404)
  })

  it('a refused file type never reaches the bucket', async () => {
    const before = await bucketKeys()
    const res = await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'bad.svg', 'image/svg+xml')
    expect(res.status).toBe(415)
    expect(await bucketKeys()).toEqual(before)
  })

  it('deleting the media removes every object from the bucket', async () => {
    expect((await anonymous.delete(`/media/${doc.id}`)).status).toBe(403)
    expect((await client.delete(`/media/${doc.id}`)).status).toBe(200)
    const keys = await bucketKeys()
    expect(keys.filter((k) => k.startsWith(base))).toEqual([])
  })
})

/** The file route answers a stream of bytes, not JSON. */
async function fetchFile(pathname: string) {
  const res = await anonymous.raw('GET', pathname)
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) }
}

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import S3rver from 's3rver'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * SCORM package files in S3-compatible storage (s3rver, a local server speaking S3's REST protocol):
 * unpacked under scorm/<id>/ in the media bucket, served by the app, removed with the package.
 */
const BUCKET = 'rounds-scorm-test'
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-scorm-s3-'))
const s3rver = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: BUCKET }] })

let payload: Payload
let s3: S3Client

beforeAll(async () => {
  const { port } = (await s3rver.run()) as { port: number }
  const endpoint = `http://127.0.0.1:${port}`
  Object.assign(process.env, {
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_REGION: 'us-east-1',
  })
  const { testPayload } = await import('../helpers/payload')
  payload = await testPayload()
  s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } })
}, 120_000)

afterAll(async () => {
  s3?.destroy()
  await s3rver.close()
  fs.rmSync(directory, { recursive: true, force: true })
})

const keys = async (prefix: string) =>
  ((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }))).Contents ?? []).map((o) => o.Key!).sort()

describe('SCORM packages on S3', () => {
  it('stores the unpacked files in the bucket, serves them to learners and removes them with the package', async () => {
    const { importScormPackage } = await import('@/domain/learning/scorm/import')
    const { servePackageFile } = await import('@/domain/learning/scorm/serve')
    const { createCourse, enrollDirectly } = await import('../helpers/learning')
    const { createUser } = await import('../helpers/users')
    const zip = fs.readFileSync(path.resolve(__dirname, '../../../shared/fixtures/scorm/singlescobasic.zip'))

    const course = await createCourse(payload, { modules: [[{ kind: 'scorm' }]] })
    const learner = await createUser(payload)
    await enrollDirectly(payload, learner.id, course.id)
    const pkg = (await importScormPackage(payload, { lesson: course.lessons[0], zip, filename: 'golf.zip' })) as any
    expect(pkg.storage).toBe('s3')
    const stored = await keys(`scorm/${pkg.id}/`)
    expect(stored).toContain(`scorm/${pkg.id}/shared/launchpage.html`)
    expect(stored).toHaveLength(pkg.fileCount)

    const headers = new Headers({ Authorization: `JWT ${learner.client.token}` })
    const res = await servePackageFile(payload, new Request('http://localhost:3000/x', { headers }), String(pkg.id), ['shared', 'launchpage.html'])
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await res.text()).toContain('ScormProcessInitialize')
    expect((await servePackageFile(payload, new Request('http://localhost:3000/x', { headers }), String(pkg.id), ['missing.html'])).status).toBe(404)

    await payload.delete({ collection: 'scorm-packages', id: pkg.id, overrideAccess: true })
    expect(await keys(`scorm/${pkg.id}/`)).toEqual([])
  })
})

import fs from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let alice: TestUser
let bob: TestUser
let MEDIA_DIR: string

beforeAll(async () => {
  payload = await testPayload()
  MEDIA_DIR = (payload.collections.media.config.upload as { staticDir: string }).staticDir
  ;[alice, bob] = await Promise.all([createUser(payload), createUser(payload)])
})

const unique = (base: string) => `${base}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

async function png(width = 1600, height = 1000) {
  return sharp({ create: { width, height, channels: 3, background: '#0e7490' } })
    .png()
    .toBuffer()
}

function form(bytes: Buffer | string, name: string, type: string, data: Record<string, unknown> = { alt: 'An image' }) {
  const body = new FormData()
  body.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type }), name)
  body.append('_payload', JSON.stringify(data))
  return body
}

/** Nothing of an upload named `base` reached the database or the disk. */
async function expectNothingStored(base: string) {
  const { totalDocs } = await payload.find({ collection: 'media', where: { filename: { like: base } }, overrideAccess: true })
  expect(totalDocs, `media rows for ${base}`).toBe(0)
  const files = fs.existsSync(MEDIA_DIR) ? fs.readdirSync(MEDIA_DIR).filter((f) => f.startsWith(base)) : []
  expect(files, `files for ${base}`).toEqual([])
}

describe('uploading an image', () => {
  it('a confirmed member uploads a PNG: 201, resized variants, owned by the uploader', async () => {
    const base = unique('scan')
    const res = await alice.client.post('/media', form(await png(), `${base}.png`, 'image/png', { alt: 'Echo', owner: bob.id }))
    expect(res.status).toBe(201)
    const doc = res.body.doc
    expect(doc.filename).toBe(`${base}.png`)
    expect(doc.mimeType).toBe('image/png')
    expect(doc.width).toBe(1600)
    expect(doc.height).toBe(1000)
    expect(doc.alt).toBe('Echo')
    // The owner is the uploader, whatever the request said.
    expect(typeof doc.owner === 'object' ? doc.owner.id : doc.owner).toBe(alice.id)

    expect(doc.sizes.thumbnail).toMatchObject({ width: 160, height: 160, mimeType: 'image/webp' })
    expect(doc.sizes.card).toMatchObject({ width: 640, height: 400, mimeType: 'image/webp' })
    expect(doc.sizes.wide).toMatchObject({ width: 1280, height: 800, mimeType: 'image/webp' })
    for (const size of ['thumbnail', 'card', 'wide']) {
      const file = path.join(MEDIA_DIR, doc.sizes[size].filename)
      expect(fs.existsSync(file), size).toBe(true)
      const meta = await sharp(file).metadata()
      expect(meta.format).toBe('webp')
      expect(meta.width).toBe(doc.sizes[size].width)
    }

    const served = await new RestClient().get(`/media/file/${doc.filename}`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
  })

  it('the type comes from the bytes: a PNG sent as text/html named .html is stored as a .png image', async () => {
    const base = unique('disguised')
    const res = await alice.client.post('/media', form(await png(200, 100), `${base}.html`, 'text/html'))
    expect(res.status).toBe(201)
    expect(res.body.doc.filename).toBe(`${base}.png`)
    expect(res.body.doc.mimeType).toBe('image/png')
  })

  it('an anonymous caller cannot upload', async () => {
    const base = unique('anon')
    const res = await new RestClient().post('/media', form(await png(64, 64), `${base}.png`, 'image/png'))
    expect(res.status).toBe(403)
    await expectNothingStored(base)
  })

  it('a file over 10 MB is refused and nothing is stored', async () => {
    const base = unique('huge')
    // A real PNG header followed by noise: only the size is wrong.
    const header = await png(8, 8)
    const bytes = Buffer.concat([header, Buffer.alloc(10 * 1024 * 1024 + 1024, 7)])
    const res = await alice.client.post('/media', form(bytes, `${base}.png`, 'image/png'))
    expect(res.status).toBe(413)
    expect(JSON.stringify(res.body)).toMatch(/10 MB|too large|size/i)
    await expectNothingStored(base)
  })
})

describe('refused file types', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"><script>alert(1)</script></svg>'
  const html = '<!doctype html><html><body><script>fetch("/api/users/me").then(r=>r.text()).then(alert)</script></body></html>'
  it.each([
    ['an SVG', svg, 'image/svg+xml', 'svg'],
    ['an SVG declared as PNG', svg, 'image/png', 'png'],
    ['an HTML page', html, 'text/html', 'html'],
    ['an HTML page renamed .png and sent as image/png', html, 'image/png', 'png'],
    ['plain text', 'just some text that is not an image at all', 'text/plain', 'txt'],
    ['a Windows executable declared as PNG', `MZ${'\0'.repeat(200)}This program cannot be run in DOS mode`, 'image/png', 'png'],
  ])('%s: 415 and nothing stored', async (_label, content, type, ext) => {
    const base = unique('refused')
    const res = await alice.client.post('/media', form(content, `${base}.${ext}`, type))
    expect(res.status).toBe(415)
    expect(res.body.errors[0].message).toMatch(/not accepted/)
    await expectNothingStored(base)
  })

  it('replacing a stored image with HTML is refused as well', async () => {
    const created = await alice.client.post('/media', form(await png(64, 64), `${unique('replace')}.png`, 'image/png'))
    expect(created.status).toBe(201)
    const res = await alice.client.patch(`/media/${created.body.doc.id}`, form('<html><script>alert(1)</script></html>', 'x.png', 'image/png'))
    expect(res.status).toBe(415)
    const row = await payload.findByID({ collection: 'media', id: created.body.doc.id, overrideAccess: true })
    expect(row.filename).toBe(created.body.doc.filename)
    expect(row.mimeType).toBe('image/png')
  })

  it('pasting a URL for the server to fetch is off', async () => {
    const res = await alice.client.get('/media/paste-url?src=http://127.0.0.1:1/secret')
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
  })
})

describe('ownership', () => {
  it('another member can neither change nor delete my media; I and staff can', async () => {
    const created = await alice.client.post('/media', form(await png(64, 64), `${unique('mine')}.png`, 'image/png', { alt: 'Mine' }))
    const id = created.body.doc.id

    const update = await bob.client.patch(`/media/${id}`, { alt: 'Defaced' })
    expect([403, 404]).toContain(update.status)
    const replace = await bob.client.patch(`/media/${id}`, form(await png(64, 64), 'other.png', 'image/png', { alt: 'Replaced' }))
    expect([403, 404]).toContain(replace.status)
    const remove = await bob.client.delete(`/media/${id}`)
    expect([403, 404]).toContain(remove.status)
    const bulk = await bob.client.delete(`/media?where[id][equals]=${id}`)
    expect(bulk.body.docs ?? []).toHaveLength(0)
    const gql = await bob.client.graphql(`mutation ($id: Int!) { deleteMedia(id: $id) { id } }`, { id })
    expect(gql.body.errors?.length).toBeGreaterThan(0)
    const row = await payload.findByID({ collection: 'media', id, overrideAccess: true })
    expect(row.alt).toBe('Mine')
    expect(fs.existsSync(path.join(MEDIA_DIR, row.filename!))).toBe(true)

    // Nor can anyone hand the file over to someone else.
    const transfer = await alice.client.patch(`/media/${id}`, { owner: bob.id, alt: 'Still mine' })
    expect(transfer.status).toBe(200)
    const afterTransfer = await payload.findByID({ collection: 'media', id, overrideAccess: true, depth: 0 })
    expect(afterTransfer.owner).toBe(alice.id)
    expect(afterTransfer.alt).toBe('Still mine')

    const moderator = await createUser(payload, { roles: ['moderator'] })
    expect((await moderator.client.patch(`/media/${id}`, { alt: 'Moderated' })).status).toBe(200)

    expect((await alice.client.delete(`/media/${id}`)).status).toBe(200)
    expect(fs.existsSync(path.join(MEDIA_DIR, row.filename!))).toBe(false)
  })

  it('the stored file names cannot be rewritten to point at someone else’s files', async () => {
    const victim = await alice.client.post('/media', form(await png(1400, 900), `${unique('victim')}.png`, 'image/png'))
    const mine = await bob.client.post('/media', form(await png(1400, 900), `${unique('attacker')}.png`, 'image/png'))
    expect(victim.status).toBe(201)
    expect(mine.status).toBe(201)
    const v = victim.body.doc
    const m = mine.body.doc
    const victimFiles = [v.filename, ...['thumbnail', 'card'].map((s) => v.sizes[s].filename)]

    await bob.client.patch(`/media/${m.id}`, {
      filename: v.filename,
      sizes: { thumbnail: { filename: v.sizes.thumbnail.filename }, card: { filename: v.sizes.card.filename } },
      mimeType: 'text/html',
      url: 'https://evil.example/x.png',
    })
    const after = await payload.findByID({ collection: 'media', id: m.id, overrideAccess: true, depth: 0 })
    expect(after.filename).toBe(m.filename)
    expect(after.mimeType).toBe('image/png')
    expect(after.sizes?.thumbnail?.filename).toBe(m.sizes.thumbnail.filename)
    expect(after.sizes?.card?.filename).toBe(m.sizes.card.filename)

    // Deleting my own media removes my files only.
    expect((await bob.client.delete(`/media/${m.id}`)).status).toBe(200)
    for (const f of victimFiles) expect(fs.existsSync(path.join(MEDIA_DIR, f)), f).toBe(true)
    const served = await new RestClient().get(`/media/file/${v.sizes.thumbnail.filename}`)
    expect(served.status).toBe(200)
  })
})

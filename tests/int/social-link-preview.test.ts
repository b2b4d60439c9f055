import http from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { checkUrl, isForbiddenAddress, RefusedUrl, safeFetch } from '@/domain/social/safeFetch'
import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let member: TestUser
let server: http.Server
let base: string
const hits: string[] = []

const PAGE = `<!doctype html><html><head>
<title>Fallback title</title>
<meta property="og:title" content="Statins &amp; the elderly">
<meta name="description" content="Plain description">
<meta property="og:description" content="A review of 40 trials">
<meta property="og:image" content="/img/cover.png">
<meta property="og:site_name" content="Cardio Journal">
</head><body>Hello</body></html>`

beforeAll(async () => {
  payload = await testPayload()
  member = await createUser(payload)
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '')
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/article') return res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE)
    if (url.pathname === '/twitter')
      return res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end('<html><head><meta name="twitter:title" content="Tweet title"><meta name="twitter:image" content="https://cdn.example.com/t.jpg"></head></html>')
    if (url.pathname.startsWith('/hop/')) {
      const n = Number(url.pathname.split('/')[2])
      return res.writeHead(302, { Location: n > 0 ? `/hop/${n - 1}` : '/article' }).end()
    }
    if (url.pathname === '/to-metadata') return res.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' }).end()
    if (url.pathname === '/json') return res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"a":1}')
    if (url.pathname === '/slow') return setTimeout(() => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<title>late</title>'), 7000)
    if (url.pathname === '/huge') {
      res.writeHead(200, { 'Content-Type': 'text/html' })
      res.write('<html><head><title>Huge</title></head><body>')
      const chunk = 'x'.repeat(64 * 1024)
      let sent = 0
      const pump = () => {
        while (sent < 4 * 1024 * 1024) {
          sent += chunk.length
          if (!res.write(chunk)) return res.once('drain', pump)
        }
        res.end('</body></html>')
      }
      return pump()
    }
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  delete process.env.LINK_PREVIEW_ALLOW_HOSTS
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const allowLocal = () => (process.env.LINK_PREVIEW_ALLOW_HOSTS = '127.0.0.1')
const denyLocal = () => delete process.env.LINK_PREVIEW_ALLOW_HOSTS

describe('addresses no member link may reach', () => {
  it.each([
    '127.0.0.1', '127.255.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '100.127.255.254',
    '0.0.0.0', '224.0.0.1', '239.255.255.250', '240.0.0.1', '255.255.255.255', '192.0.2.1', '198.18.0.1',
    '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:169.254.169.254',
    '64:ff9b::7f00:1', '2001:db8::1', '2002:7f00:1::1',
  ])('%s is refused', (address) => {
    expect(isForbiddenAddress(address)).toBe(true)
  })

  it.each(['93.184.216.34', '1.1.1.1', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('%s is allowed', (address) => {
    expect(isForbiddenAddress(address)).toBe(false)
  })

  it.each([
    ['decimal', 'http://2130706433/'],
    ['octal', 'http://0177.0.0.1/'],
    ['hex', 'http://0x7f.0x0.0x0.0x1/'],
    ['short', 'http://127.1/'],
    ['IPv6 loopback', 'http://[::1]/'],
    ['IPv4-mapped IPv6', 'http://[::ffff:127.0.0.1]/'],
    ['metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['a name resolving to loopback', 'http://localhost/'],
    ['another port', 'http://example.com:8080/'],
    ['ftp', 'ftp://example.com/file'],
    ['file', 'file:///etc/passwd'],
    ['credentials', 'http://user:pass@example.com/'],
  ])('%s notation is refused (%s)', async (_label, url) => {
    denyLocal()
    await expect(checkUrl(new URL(url))).rejects.toBeInstanceOf(RefusedUrl)
  })

  it('the local test server is refused unless LINK_PREVIEW_ALLOW_HOSTS names it', async () => {
    denyLocal()
    await expect(safeFetch(`${base}/article`)).rejects.toBeInstanceOf(RefusedUrl)
    const res = await member.client.post('/posts/link-preview', { url: `${base}/article` })
    expect(res.status).toBe(400)
    expect(hits).toEqual([])
  })
})

describe('previews of pages the server may fetch', () => {
  it('reads OpenGraph tags (entities decoded, image made absolute)', async () => {
    allowLocal()
    const res = await member.client.post('/posts/link-preview', { url: `${base}/article` })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      url: `${base}/article`,
      title: 'Statins & the elderly',
      description: 'A review of 40 trials',
      imageUrl: `${base}/img/cover.png`,
      siteName: 'Cardio Journal',
    })
    expect(res.body.fetchedAt).toBeTruthy()
  })

  it('falls back to Twitter tags', async () => {
    allowLocal()
    const res = await member.client.post('/posts/link-preview', { url: `${base}/twitter` })
    expect(res.body).toMatchObject({ title: 'Tweet title', imageUrl: 'https://cdn.example.com/t.jpg' })
  })

  it('follows up to 3 redirects, no more', async () => {
    allowLocal()
    expect((await member.client.post('/posts/link-preview', { url: `${base}/hop/2` })).status).toBe(200)
    expect((await member.client.post('/posts/link-preview', { url: `${base}/hop/3` })).status).toBe(422)
  })

  it('checks every redirect hop again', async () => {
    allowLocal()
    const res = await member.client.post('/posts/link-preview', { url: `${base}/to-metadata` })
    expect(res.status).toBe(400)
  })

  it('refuses what is not HTML', async () => {
    allowLocal()
    expect((await member.client.post('/posts/link-preview', { url: `${base}/json` })).status).toBe(422)
  })

  it('reads at most 512 KB', async () => {
    allowLocal()
    const page = await safeFetch(`${base}/huge`, { maxBytes: 512 * 1024 })
    expect(page.body.length).toBeLessThanOrEqual(512 * 1024)
    expect(page.body).toContain('<title>Huge</title>')
  })

  it('gives up after 5 seconds', async () => {
    allowLocal()
    const started = Date.now()
    const res = await member.client.post('/posts/link-preview', { url: `${base}/slow` })
    expect(res.status).toBe(422)
    expect(Date.now() - started).toBeLessThan(6500)
  }, 15_000)

  it('fills the link of a link post on create; the client cannot write the preview', async () => {
    allowLocal()
    const res = await member.client.post('/posts', { kind: 'link', link: { url: `${base}/article`, title: 'Forged title', imageUrl: 'https://evil.example.com/x.png' }, _status: 'published' })
    expect(res.status).toBe(201)
    expect(res.body.doc.link).toMatchObject({ url: `${base}/article`, title: 'Statins & the elderly', siteName: 'Cardio Journal', imageUrl: `${base}/img/cover.png` })
    denyLocal()
    const refused = await member.client.post('/posts', { kind: 'link', link: { url: 'http://169.254.169.254/latest/' }, _status: 'published' })
    expect(refused.status).toBe(400)
  })

  it('is for signed-in members only', async () => {
    expect((await new RestClient().post('/posts/link-preview', { url: 'https://example.com/' })).status).toBe(401)
    expect((await member.client.post('/posts/link-preview', { url: 'not a url' })).status).toBe(400)
  })
})

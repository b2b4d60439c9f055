import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { testPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'
import type { RecordedRoute } from '@/openapi'

let payload: Payload
let spec: { openapi: string; paths: Record<string, Record<string, unknown>> }

beforeAll(async () => {
  payload = await testPayload()
  const res = await new RestClient().get('/openapi.json')
  expect(res.status).toBe(200)
  spec = res.body
})

const template = (p: string) => p.replace(/:([^/]+)/g, '{$1}')

describe('OpenAPI document at /api/openapi.json', () => {
  it('is OpenAPI 3.1 and titled for Rounds', () => {
    expect(spec.openapi).toMatch(/^3\.1/)
  })

  it('describes the CRUD routes of every public collection', () => {
    const collections = payload.config.collections.filter((c) => !c.slug.startsWith('payload-'))
    const missing: string[] = []
    for (const c of collections) {
      for (const [p, method] of [
        [`/api/${c.slug}`, 'get'],
        [`/api/${c.slug}`, 'post'],
        [`/api/${c.slug}/{id}`, 'get'],
        [`/api/${c.slug}/{id}`, 'patch'],
        [`/api/${c.slug}/{id}`, 'delete'],
      ]) {
        if (!spec.paths[p]?.[method]) missing.push(`${method.toUpperCase()} ${p}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('describes every custom endpoint (root, collection, plugin), so a new route cannot go undocumented', () => {
    const routes = (payload.config.custom?.routes ?? []) as RecordedRoute[]
    expect(routes.length).toBeGreaterThan(5)
    const missing = routes
      .filter((r) => !spec.paths[template(r.path)]?.[r.method])
      .map((r) => `${r.method.toUpperCase()} ${r.path}`)
    expect(missing).toEqual([])
  })

  it('serves a browsable reference page with its assets from this origin', async () => {
    const client = new RestClient()
    const page = await client.get('/docs')
    expect(page.status).toBe(200)
    expect(String(page.body)).toContain('swagger-ui-bundle.js')
    const asset = await client.get('/docs/assets/swagger-ui-bundle.js')
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-type')).toContain('javascript')
    expect((await client.get('/docs/assets/..%2Fpackage.json')).status).toBe(404)
  })
})


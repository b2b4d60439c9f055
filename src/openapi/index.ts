import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'

import type { Config, Endpoint, Plugin } from 'payload'
import { openapi } from 'payload-oapi'

import { docsPage } from './docsPage'

const SPEC = '/openapi.json'
const AUTH = '/openapi-auth'
const DOCS = '/docs'

const require = createRequire(import.meta.url)
const swaggerDir = () => path.dirname(require.resolve('swagger-ui-dist/package.json'))
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
}

/** The documentation endpoints document themselves, so the spec covers every route. */
const selfDocs: Record<string, Endpoint['custom']> = {
  [`get ${SPEC}`]: {
    openapi: { summary: 'This OpenAPI 3.1 document', tags: ['meta'], security: [], responses: { 200: { description: 'The document' } } },
  },
  [`post ${AUTH}`]: {
    openapi: {
      summary: 'OAuth2 password flow for the reference page ("Authorize" button)',
      tags: ['meta'],
      security: [],
      requestBody: {
        content: {
          'application/x-www-form-urlencoded': {
            schema: { type: 'object', required: ['username', 'password'], properties: { username: { type: 'string' }, password: { type: 'string' } } },
          },
        },
      },
      responses: { 200: { description: 'An access token' }, 400: { description: 'Missing credentials' }, 401: { description: 'Wrong credentials' } },
    },
  },
  [`get ${DOCS}`]: {
    openapi: { summary: 'Browsable API reference', tags: ['meta'], security: [], responses: { 200: { description: 'HTML page' } } },
  },
  [`get ${DOCS}/assets/:file`]: {
    openapi: {
      summary: 'Static files of the API reference page',
      tags: ['meta'],
      security: [],
      parameters: [{ in: 'path', name: 'file', required: true, schema: { type: 'string', enum: Object.keys(ASSETS) } }],
      responses: { 200: { description: 'The file' }, 404: { description: 'Unknown file' } },
    },
  },
}

/** Logs in for the reference page through the normal login operation, so lockout and rate limits apply. */
const passwordFlow: Endpoint['handler'] = async (req) => {
  const form = await req.formData?.().catch(() => null)
  const username = form?.get('username')
  const password = form?.get('password')
  if (typeof username !== 'string' || typeof password !== 'string' || !username || !password) {
    return Response.json({ error: 'invalid_request', error_description: 'username and password are required' }, { status: 400 })
  }
  const result = await req.payload.login({ collection: 'users', data: { email: username, password }, req })
  if ((result as { twoFactor?: unknown }).twoFactor) {
    return Response.json(
      {
        error: 'invalid_grant',
        error_description:
          'This account uses two-factor authentication: log in with POST /api/users/login, finish with POST /api/users/two-factor/verify, then use that token.',
      },
      { status: 400 },
    )
  }
  return Response.json({
    access_token: result.token,
    token_type: 'JWT',
    expires_in: result.exp ? result.exp - Math.floor(Date.now() / 1000) : undefined,
  })
}

const docsEndpoints: Endpoint[] = [
  {
    path: DOCS,
    method: 'get',
    handler: async (req) =>
      new Response(docsPage(`${req.payload.config.routes.api}${SPEC}`, `${req.payload.config.routes.api}${DOCS}/assets`), {
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' },
      }),
  },
  {
    path: `${DOCS}/assets/:file`,
    method: 'get',
    handler: async (req) => {
      const file = String(req.routeParams?.file ?? '')
      const type = ASSETS[file]
      if (!type) return Response.json({ errors: [{ message: 'Not found' }] }, { status: 404 })
      const body = await fs.promises.readFile(path.join(swaggerDir(), file))
      return new Response(body, { headers: { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' } })
    },
  },
]

/**
 * The REST API described as OpenAPI 3.1 at /api/openapi.json (collections, auth operations and every
 * custom endpoint that carries `custom.openapi`), and a self-hosted reference page at /api/docs.
 */
export const apiDocs =
  (version: string): Plugin =>
  async (incoming: Config): Promise<Config> => {
    const withSpec = await openapi({
      openapiVersion: '3.1',
      specEndpoint: SPEC,
      authEndpoint: AUTH,
      metadata: {
        title: 'Rounds API',
        version,
        description:
          'REST API of Rounds. Authenticate with `Authorization: JWT <token>` (from POST /api/users/login) or, for integration users, `Authorization: users API-Key <key>`. Lists are paginated (limit <= 100, depth <= 2).',
      },
      filters: { hideInternalCollections: true },
    })(incoming)
    const endpoints = [...(withSpec.endpoints ?? []), ...docsEndpoints].map((endpoint) => {
      const key = `${endpoint.method} ${endpoint.path}`
      const custom = selfDocs[key]
      const handler = key === `post ${AUTH}` ? passwordFlow : endpoint.handler
      return custom ? { ...endpoint, handler, custom: { ...endpoint.custom, ...custom } } : endpoint
    })
    return { ...withSpec, endpoints }
  }

export type RecordedRoute = { method: string; path: string; documented: boolean }

/**
 * Applied last: records every custom route that the config and its plugins declare (before Payload
 * adds its built-in ones), so a test can prove the OpenAPI document misses none of them.
 */
export const recordRoutes = (): Plugin => (config: Config): Config => {
  const routes: RecordedRoute[] = []
  const api = config.routes?.api ?? '/api'
  const record = (base: string, endpoints: Config['endpoints']) => {
    for (const e of endpoints || []) {
      routes.push({ method: e.method, path: `${api}${base}${e.path}`, documented: Boolean(e.custom?.openapi) })
    }
  }
  record('', config.endpoints)
  for (const c of config.collections ?? []) if (Array.isArray(c.endpoints)) record(`/${c.slug}`, c.endpoints)
  for (const g of config.globals ?? []) if (Array.isArray(g.endpoints)) record(`/globals/${g.slug}`, g.endpoints)
  return { ...config, custom: { ...config.custom, routes } }
}

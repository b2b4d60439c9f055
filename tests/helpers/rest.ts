import config from '@payload-config'
import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { completeSecondFactor } from './twoFactor'

const handlers = {
  GET: REST_GET(config),
  POST: REST_POST(config),
  PATCH: REST_PATCH(config),
  PUT: REST_PUT(config),
  DELETE: REST_DELETE(config),
}
const graphql = GRAPHQL_POST(config)

const BASE = 'http://localhost:3000'
let ipCounter = 0

export type RestResponse<T = any> = { status: number; body: T; headers: Headers }

/**
 * Calls Payload's REST and GraphQL route handlers exactly as Next.js does, without an HTTP server.
 * Each client has its own address so rate limits of one test do not leak into another.
 */
export class RestClient {
  token?: string
  ip: string
  constructor(opts: { token?: string; ip?: string } = {}) {
    this.token = opts.token
    this.ip = opts.ip ?? `10.${Math.floor(Math.random() * 250)}.${(ipCounter = (ipCounter + 1) % 250)}.${Math.floor(Math.random() * 250)}`
  }

  private headers(extra?: HeadersInit) {
    const h = new Headers(extra)
    h.set('x-rounds-client-ip', this.ip)
    if (this.token && !h.has('Authorization')) h.set('Authorization', `JWT ${this.token}`)
    return h
  }

  /** The route handler's Response as is, for bodies that are not JSON (files, streams). */
  async raw(method: keyof typeof handlers, path: string, body?: unknown, init: { headers?: HeadersInit } = {}): Promise<Response> {
    const url = new URL(`/api${path}`, BASE)
    const slug = url.pathname.replace(/^\/api\//, '').split('/')
    const headers = this.headers(init.headers)
    let payloadBody: BodyInit | undefined
    if (body instanceof FormData) payloadBody = body
    else if (body !== undefined) {
      headers.set('Content-Type', 'application/json')
      payloadBody = JSON.stringify(body)
    }
    const req = new Request(url, { method, headers, body: payloadBody })
    return handlers[method](req, { params: Promise.resolve({ slug }) })
  }

  async request<T = any>(method: keyof typeof handlers, path: string, body?: unknown, init: { headers?: HeadersInit } = {}): Promise<RestResponse<T>> {
    const res = await this.raw(method, path, body, init)
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      /* non-JSON body */
    }
    return { status: res.status, body: parsed as T, headers: res.headers }
  }

  get = <T = any>(path: string, init?: { headers?: HeadersInit }) => this.request<T>('GET', path, undefined, init)
  post = <T = any>(path: string, body?: unknown, init?: { headers?: HeadersInit }) => this.request<T>('POST', path, body, init)
  patch = <T = any>(path: string, body?: unknown, init?: { headers?: HeadersInit }) => this.request<T>('PATCH', path, body, init)
  put = <T = any>(path: string, body?: unknown, init?: { headers?: HeadersInit }) => this.request<T>('PUT', path, body, init)
  delete = <T = any>(path: string, init?: { headers?: HeadersInit }) => this.request<T>('DELETE', path, undefined, init)

  async graphql<T = any>(query: string, variables?: Record<string, unknown>, init: { headers?: HeadersInit } = {}): Promise<RestResponse<T>> {
    const headers = this.headers(init.headers)
    headers.set('Content-Type', 'application/json')
    const req = new Request(new URL('/api/graphql', BASE), { method: 'POST', headers, body: JSON.stringify({ query, variables }) })
    const res = await graphql(req)
    const json = await res.json()
    // Validation failures come back as a bare list of errors.
    const body = Array.isArray(json) ? { errors: json } : json
    return { status: res.status, body: body as T, headers: res.headers }
  }

  /**
   * Logs in through REST and keeps the token for later requests. When the account owes a second
   * factor, completes it (enrolling staff on their first login) unless `secondFactor` is false.
   */
  async login(email: string, password: string, opts: { secondFactor?: boolean } = {}) {
    const res = await this.post('/users/login', { email, password })
    if (res.status === 200) this.token = res.body.token
    if (res.status === 200 && res.body.twoFactor && opts.secondFactor !== false) {
      await completeSecondFactor(this, email, res.body.twoFactor.state)
    }
    return res
  }
}

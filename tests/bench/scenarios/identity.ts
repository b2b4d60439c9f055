import { pick, type Scenario } from '../context'

/** Identity endpoints of the foundation. Later capabilities add files beside this one. */
export const identityScenarios: Scenario[] = [
  {
    name: 'reference: plain Next.js route',
    description: 'GET /ping (no Payload, no database)',
    next: () => ({ path: '/ping' }),
  },
  {
    name: 'GET /api/users/me',
    description: 'the signed-in member, JWT auth',
    next: (ctx) => ({ path: '/api/users/me', headers: { Authorization: `JWT ${ctx.token}` } }),
  },
  {
    name: 'GET /api/users/:id',
    description: 'a single document (public profile fields, depth 1)',
    next: (ctx, i) => ({ path: `/api/users/${pick(ctx.userIds, i)}?depth=1` }),
  },
  {
    name: 'GET /doctors/:handle',
    description: 'a server-rendered public profile page',
    next: (ctx, i) => ({ path: `/doctors/${pick(ctx.handles, i)}` }),
  },
  {
    name: 'POST /api/users/login',
    description: 'password login (PBKDF2-SHA256, 600k iterations by design)',
    durationMs: 8000,
    next: (ctx, i) => ({
      method: 'POST',
      path: '/api/users/login',
      headers: {
        'Content-Type': 'application/json',
        // Spread over many client addresses so the per-IP login limit is not what is measured.
        'X-Forwarded-For': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      },
      body: JSON.stringify({ email: pick(ctx.emails, i), password: ctx.password }),
    }),
  },
]

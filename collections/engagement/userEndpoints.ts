import type { Endpoint } from 'payload'

import { isStaffUser } from '@/access/roles'
import { engagementOf } from '@/domain/engagement/summary'
import { completeness, profileFacts } from '@/domain/recommendations/profile'
import { profileTip } from '@/domain/recommendations/tip'
import { error, json } from '@/lib/http'
import { forMembers, memberOperation, routeId, signedInMember } from '../social/endpoints/shared'

/** GET /api/users/:id/engagement: points, level and streak, public like the profile that shows them. */
const engagement: Endpoint = {
  path: '/:id/engagement',
  method: 'get',
  custom: {
    openapi: {
      summary: "A member's points, level and login streak",
      description:
        'Points, level number and name, progress (0-100) to the next level and the points it starts at, and the daily login streak. Public for confirmed members, like their profile. The scoring table and level curve are in the README ("Engagement").',
      tags: ['engagement'],
      security: [],
      parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'integer' } }],
      responses: { 200: { description: 'The summary' }, 400: { description: 'Not a member id' }, 404: { description: 'No such member' } },
    },
  },
  handler: async (req) => {
    const id = routeId(req)
    if (!id) return error(req, 400, 'Not a member id.', { field: 'id' })
    const me = signedInMember(req)
    const summary = await engagementOf(req.payload, id, { includeUnconfirmed: Boolean(me && (me.id === id || isStaffUser(me))) })
    return summary ? json(req, summary) : error(req, 404, 'No such member.')
  },
}

/** GET /api/users/me/suggestions: how complete the member's profile is and what to add next. */
const suggestions: Endpoint = {
  path: '/me/suggestions',
  method: 'get',
  custom: memberOperation({
    summary: 'Profile completeness and suggestions for the signed-in member',
    description:
      'The percentage, every item with its weight and whether it is done, and the items left to do, most useful first, each with a link to /profile. When an OpenAI-compatible model is configured, `tip` is a short personalised tip (public profile content only is sent); otherwise, or when the model fails, `tip` is null.',
    tag: 'recommendations',
    idParam: false,
    responses: { 200: { description: 'Completeness and suggestions' } },
  }),
  handler: forMembers(async (req, me) => {
    const facts = await profileFacts(req.payload, me.id)
    if (!facts) return error(req, 404, 'No such member.')
    const state = completeness(facts)
    const tip = await profileTip(me.id, facts, state)
    return json(req, { ...state, tip: tip ? { text: tip, source: 'model' } : null })
  }),
}

export const engagementUserEndpoints: Endpoint[] = [suggestions, engagement]

import type { CollectionConfig } from 'payload'

import { nobody } from '@/access'
import { RECOMMENDATION_KINDS } from '@/domain/recommendations/kinds'
import { ownRows } from './access'
import { recommendationEndpoints } from './endpoints'

/**
 * People, posts (and, once the courses collection lands, courses) suggested to each member, with a
 * confidence score and the reasons for it. Computed in SQL by the `refreshRecommendations` job
 * (src/domain/recommendations); a dismissed row is kept, so its target is never suggested again.
 * Members read their own; nobody writes through the API except the dismiss endpoint.
 */
export const Recommendations: CollectionConfig = {
  slug: 'recommendations',
  admin: { defaultColumns: ['member', 'kind', 'targetId', 'score', 'computedAt', 'dismissedAt'], group: 'Engagement' },
  access: { read: ownRows('admin'), create: nobody, update: nobody, delete: nobody },
  endpoints: recommendationEndpoints,
  indexes: [
    { fields: ['member', 'kind', 'targetId'], unique: true },
    { fields: ['member', 'kind', 'score'] },
  ],
  fields: [
    // Not required: deleting a member sets it to null; the next refresh removes such rows.
    { name: 'member', type: 'relationship', relationTo: 'users', maxDepth: 0 },
    { name: 'kind', type: 'select', required: true, options: [...RECOMMENDATION_KINDS] },
    { name: 'targetId', type: 'number', required: true, admin: { description: 'The id of the member, post or course suggested.' } },
    { name: 'score', type: 'number', required: true, min: 0, max: 1, admin: { description: 'Confidence, 0 to 1.' } },
    { name: 'reasons', type: 'json', admin: { description: 'Why, in words shown to the member.' } },
    { name: 'computedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'dismissedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
  ],
  timestamps: true,
}

/** What can be recommended. `course` waits for the courses collection (a later issue). */
export const RECOMMENDATION_KINDS = ['person', 'post', 'course'] as const
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number]

/** How many suggestions of each kind are kept per member. */
export const TOP_N = 20

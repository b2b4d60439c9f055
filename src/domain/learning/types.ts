/** Words of the learning domain, shared by collections, rules and pages. */
export const COURSE_LEVELS = ['introductory', 'intermediate', 'advanced'] as const
export const COURSE_PRICING = ['free', 'premium', 'paid'] as const
export const LESSON_KINDS = ['video', 'document', 'text', 'quiz', 'scorm', 'lti', 'live'] as const
export const ENROLLMENT_STATUSES = ['active', 'completed', 'cancelled'] as const
export const ENROLLMENT_SOURCES = ['free', 'premium', 'entitlement', 'staff'] as const
export const PROGRESS_STATUSES = ['started', 'completed'] as const

export type CourseLevel = (typeof COURSE_LEVELS)[number]
export type CoursePricing = (typeof COURSE_PRICING)[number]
export type LessonKind = (typeof LESSON_KINDS)[number]
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number]

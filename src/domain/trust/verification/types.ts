/** A verification request's life: open (`submitted`) until reviewed or withdrawn by the member. */
export const SUBMISSION_STATUSES = ['submitted', 'approved', 'rejected', 'withdrawn'] as const
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number]

/** The external identity check's state: started, then the provider's result (`clear` means no concern found). */
export const CHECK_STATUSES = ['started', 'clear', 'consider', 'rejected', 'error'] as const
export type CheckStatus = (typeof CHECK_STATUSES)[number]

/** What the member is told (notifications of type `verification`). */
export const VERIFICATION_DECISIONS = ['approved', 'rejected', 'revoked', 'expired'] as const
export type VerificationDecision = (typeof VERIFICATION_DECISIONS)[number]

/** How long an approval holds when the reviewer gives no licence expiry. */
export const DEFAULT_VALIDITY_DAYS = 365

/** The member's `verificationStatus` values (collections/identity/Users). */
export const MEMBER_STATUSES = ['unverified', 'pending', 'verified', 'rejected', 'expired', 'revoked'] as const
export type MemberStatus = (typeof MEMBER_STATUSES)[number]

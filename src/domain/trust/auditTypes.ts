/**
 * Every kind of event the audit trail records, with the label the admin shows. The admin's type filter
 * and the CSV export read this one list, so a new kind of event is added here when code starts to
 * record it (an unlisted type is still stored and exported, it is only missing from the filter's choices).
 */
export const AUDIT_TYPES = {
  'auth.login': 'Signed in',
  'auth.login_failed': 'Sign-in refused',
  'auth.logout': 'Signed out',
  'auth.password_reset_requested': 'Password reset requested',
  'auth.password_reset': 'Password reset completed',
  'auth.password_changed': 'Password changed',
  'auth.session_revoked': 'A session signed out from the sessions list',
  'auth.other_sessions_revoked': 'Every other session signed out',
  'auth.social_link_failed': 'Connecting a social account refused',
  'user.email_changed': 'Email address changed',
  'user.role_changed': 'Roles changed',
  'user.tier_changed': 'Tier changed',
  'user.verification_changed': 'Verification status changed by staff',
  'user.api_key_created': 'API key created',
  'user.api_key_revoked': 'API key revoked',
  'user.deleted': 'Account deleted',
  'admin.export': 'Audit trail exported',
  'two-factor.challenge': 'Two-factor: code asked',
  'two-factor.verified': 'Two-factor: code accepted',
  'two-factor.failed': 'Two-factor: code refused',
  'two-factor.recovery-code-used': 'Two-factor: recovery code used',
  'two-factor.enabled': 'Two-factor turned on',
  'two-factor.disabled': 'Two-factor turned off',
  'two-factor.reset': 'Two-factor reset by staff',
  'two-factor.recovery-codes-regenerated': 'Two-factor: recovery codes renewed',
  'two-factor.device-remembered': 'Two-factor: device remembered',
  'two-factor.device-trusted': 'Two-factor: remembered device used',
  'two-factor.device-revoked': 'Two-factor: remembered device removed',
  'verification.submitted': 'Licence verification submitted',
  'verification.withdrawn': 'Licence verification withdrawn',
  'verification.checked': 'Licence checked by the identity-check provider',
  'verification.approved': 'Licence verification approved',
  'verification.rejected': 'Licence verification rejected',
  'verification.revoked': 'Licence verification revoked',
  'verification.expired': 'Licence verification expired',
  'certificate.revoked': 'Certificate revoked',
  'certificate.revocation-reason-changed': 'Certificate revocation reason changed',
} as const

export type AuditType = keyof typeof AUDIT_TYPES

export const isAuditType = (value: unknown): value is AuditType => typeof value === 'string' && Object.hasOwn(AUDIT_TYPES, value)

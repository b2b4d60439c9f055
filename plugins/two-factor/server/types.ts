import type { Access, CollectionSlug, PayloadRequest } from 'payload'

/** Something worth an audit record: the plugin reports, the app decides where it goes. */
export type TwoFactorEvent = {
  type:
    | 'two-factor.challenge'
    | 'two-factor.verified'
    | 'two-factor.failed'
    | 'two-factor.recovery-code-used'
    | 'two-factor.enabled'
    | 'two-factor.disabled'
    | 'two-factor.reset'
    | 'two-factor.recovery-codes-regenerated'
    | 'two-factor.device-remembered'
    | 'two-factor.device-trusted'
    | 'two-factor.device-revoked'
  userId: number | string
  detail?: Record<string, unknown>
}

export type TwoFactorOptions = {
  /** The auth collection to protect. Default `users`. */
  collection?: string
  /** Shown in authenticator apps. Default `Payload`. */
  issuer?: string
  /**
   * Encryption keys for TOTP secrets at rest: `id:base64key[,id:base64key...]`, 32-byte keys. The
   * first encrypts; all decrypt, so a key can be rotated by putting a new one first. Unset: a key is
   * derived from the Payload secret.
   */
  encryptionKeys?: string
  /** Whether this user must use a second factor (they are sent to enrollment at their next login). */
  required?: (user: Record<string, unknown>) => boolean
  /** How long "remember this device" lasts, in days. Default 30; 0 turns the option off. */
  rememberDeviceDays?: number
  /** How long a login may wait for its second factor, in minutes. Default 10. */
  pendingMinutes?: number
  /** Wrong codes allowed per pending login before it must start over. Default 5. */
  maxAttempts?: number
  /** Called before every code check; throw (for example a 429 APIError) to refuse. */
  rateLimit?: (req: PayloadRequest, args: { userId: number | string; action: 'verify' | 'enable' | 'manage' }) => Promise<void>
  /** Receives every security event (audit trail). */
  onEvent?: (req: PayloadRequest, event: TwoFactorEvent) => Promise<void> | void
  /** Who may see which users have two-factor on and reset it (for a lost device). Default nobody. */
  resetAccess?: Access
  /** Replace the admin login view with one that asks for the second factor. Default true. */
  adminViews?: boolean
}

export type ResolvedOptions = Required<Omit<TwoFactorOptions, 'collection' | 'encryptionKeys' | 'rateLimit' | 'onEvent' | 'resetAccess'>> &
  Pick<TwoFactorOptions, 'encryptionKeys' | 'rateLimit' | 'onEvent' | 'resetAccess'> & { collection: CollectionSlug }

// Typed as CollectionSlug so the plugin compiles against any app's generated types.
export const SLUGS = {
  credentials: 'two-factor-credentials' as CollectionSlug,
  challenges: 'two-factor-challenges' as CollectionSlug,
  usedCodes: 'two-factor-used-codes' as CollectionSlug,
  devices: 'two-factor-devices' as CollectionSlug,
}

export function resolveOptions(options: TwoFactorOptions): ResolvedOptions {
  return {
    collection: (options.collection ?? 'users') as CollectionSlug,
    issuer: options.issuer ?? 'Payload',
    encryptionKeys: options.encryptionKeys,
    required: options.required ?? (() => false),
    rememberDeviceDays: options.rememberDeviceDays ?? 30,
    pendingMinutes: options.pendingMinutes ?? 10,
    maxAttempts: options.maxAttempts ?? 5,
    rateLimit: options.rateLimit,
    onEvent: options.onEvent,
    resetAccess: options.resetAccess,
    adminViews: options.adminViews ?? true,
  }
}

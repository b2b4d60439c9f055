/** The providers Rounds can sign in with, in display order. */
export const PROVIDER_IDS = ['google', 'apple', 'facebook', 'github'] as const
export type ProviderId = (typeof PROVIDER_IDS)[number]

export const PROVIDER_LABELS: Record<ProviderId, string> = {
  google: 'Google',
  apple: 'Apple',
  facebook: 'Facebook',
  github: 'GitHub',
}

export const isProviderId = (value: unknown): value is ProviderId => PROVIDER_IDS.includes(value as ProviderId)

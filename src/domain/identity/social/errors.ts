/**
 * Why a social sign-in stopped, with the status the callback answers and a message for the member.
 * Every failure of the flow is one of these, so nothing a provider sends can end in a 500.
 */
export type SocialFailure =
  | 'state' // no flow cookie, an expired one, or a state that does not match it
  | 'denied' // the provider reported an error on the redirect (cancelled, consent refused)
  | 'refused' // the token endpoint refused the code (PKCE mismatch, reused or expired code)
  | 'invalid-token' // the ID token failed its signature, issuer, audience, expiry or nonce check
  | 'unreachable' // the provider could not be reached or answered something unreadable
  | 'no-email' // the provider gave no email address
  | 'unverified' // the provider has not confirmed the email address
  | 'signed-out' // linking, but the member who started is no longer signed in
  | 'taken' // linking an identity that belongs to another member
  | 'provider-in-use' // linking a second identity of a provider that is already connected

export class SocialLoginError extends Error {
  constructor(
    readonly reason: SocialFailure,
    message?: string,
  ) {
    super(message ?? reason)
    this.name = 'SocialLoginError'
  }
}

export const FAILURE_STATUS: Record<SocialFailure, number> = {
  state: 400,
  denied: 400,
  refused: 400,
  'invalid-token': 400,
  unreachable: 502,
  'no-email': 403,
  unverified: 403,
  'signed-out': 401,
  taken: 409,
  'provider-in-use': 409,
}

/** What the member reads; `provider` is the provider's display name. */
export function failureMessage(reason: SocialFailure, provider: string): string {
  switch (reason) {
    case 'state':
      return 'This sign-in link has expired or was opened in another browser. Start again from the same browser.'
    case 'denied':
      return `${provider} did not complete the sign-in. Nothing was changed; you can try again.`
    case 'refused':
      return `${provider} did not accept this sign-in (the code was already used, has expired, or does not belong to this browser). Start again.`
    case 'invalid-token':
      return `The answer from ${provider} could not be verified, so it was not used. Start again.`
    case 'unreachable':
      return `${provider} could not be reached. Try again in a moment.`
    case 'no-email':
      return `${provider} did not share an email address, which Rounds needs for your account. Allow access to your email address and try again, or sign up with your email.`
    case 'unverified':
      return `${provider} has not confirmed your email address, so Rounds cannot use it to sign you in or to find your account. Confirm the address with ${provider} and try again, or log in with your password and connect ${provider} under Settings, Connected accounts.`
    case 'signed-out':
      return `You were signed out before ${provider} answered. Log in again, then connect ${provider} from Settings.`
    case 'taken':
      return `This ${provider} account is already connected to another Rounds member. Log in as that member to disconnect it first.`
    case 'provider-in-use':
      return `Your account is already connected to a different ${provider} account. Disconnect it first to connect this one.`
  }
}

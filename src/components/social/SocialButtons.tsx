import { configuredProviders } from '@/domain/identity/social/providers'
import { ProviderIcon } from './ProviderIcon'
import styles from './social.module.css'

/**
 * "Continue with Google" and the others, for the log-in and sign-up pages: only providers configured
 * on this server appear, and nothing at all when there are none. Plain links, since each is a full
 * navigation to the provider through /api/users/oauth/<provider>.
 */
export function SocialButtons({ next }: { next?: string }) {
  const providers = configuredProviders()
  if (!providers.length) return null
  const query = next && next !== '/profile' ? `?next=${encodeURIComponent(next)}` : ''
  return (
    <div className={styles.social}>
      <ul className={styles.list} aria-label="Sign in with an account you already have">
        {providers.map((p) => (
          <li key={p.id}>
            <a className={`button button--block ${styles.provider}`} href={`/api/users/oauth/${p.id}${query}`} rel="nofollow">
              <ProviderIcon id={p.id} />
              Continue with {p.label}
            </a>
          </li>
        ))}
      </ul>
      <p className={styles.divider}>or with your email</p>
    </div>
  )
}

import Link from 'next/link'

import styles from './feed.module.css'

type Tab = { href: string; label: string; current: boolean }

/** Two rows of links: which feed, and in what order. Plain links, so each view has its address. */
export function FeedTabs({ feeds, sorts }: { feeds?: Tab[]; sorts: Tab[] }) {
  return (
    <div className={styles.tabs}>
      {feeds ? (
        <nav aria-label="Feeds">
          <ul className={styles.tabList}>
            {feeds.map((t) => (
              <li key={t.href}>
                <Link href={t.href} className={styles.tab} aria-current={t.current ? 'page' : undefined} scroll={false}>
                  {t.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <nav aria-label="Order">
        <ul className={styles.sortList}>
          {sorts.map((t) => (
            <li key={t.href}>
              <Link href={t.href} className={styles.sort} aria-current={t.current ? 'true' : undefined} scroll={false}>
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  )
}

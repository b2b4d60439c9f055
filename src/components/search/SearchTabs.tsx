import Link from 'next/link'

import { SEARCH_TYPES, type SearchType } from '@/domain/search/input'
import { SECTION_LABELS, searchHref, type SearchState } from './sections'
import styles from './search.module.css'

/** The sections as links (each an address of its own), the current one marked for assistive tech. */
export function SearchTabs({ state }: { state: SearchState }) {
  const tabs: { type: SearchType | 'all'; label: string }[] = [{ type: 'all', label: 'All' }, ...SEARCH_TYPES.map((type) => ({ type, label: SECTION_LABELS[type].tab }))]
  return (
    <nav className={styles.tabs} aria-label="Search sections">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.type}>
            <Link
              href={searchHref({ ...state, type: tab.type })}
              className={tab.type === state.type ? styles.tabCurrent : styles.tab}
              aria-current={tab.type === state.type ? 'page' : undefined}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

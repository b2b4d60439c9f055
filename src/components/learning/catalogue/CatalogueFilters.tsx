import Link from 'next/link'

import { COURSE_LEVELS, COURSE_PRICING } from '@/domain/learning/types'
import { LEVEL_LABELS, PRICING_LABELS } from './format'
import styles from './catalogue.module.css'

type Props = {
  q?: string
  specialty?: number
  level?: string
  pricing?: string
  specialties: { id: number; name: string }[]
}

/** The catalogue's filters: a plain GET form, so every filtered view has its own address. */
export function CatalogueFilters({ q, specialty, level, pricing, specialties }: Props) {
  const filtered = Boolean(q || specialty || level || pricing)
  return (
    <form className={styles.filters} action="/learn" method="get" role="search" aria-label="Filter courses">
      <label className={styles.filterWide}>
        <span className={styles.filterLabel}>Search</span>
        <input className="input" type="search" name="q" defaultValue={q ?? ''} maxLength={200} placeholder="Title or topic" />
      </label>
      <label>
        <span className={styles.filterLabel}>Specialty</span>
        <select className="select" name="specialty" defaultValue={specialty ? String(specialty) : ''}>
          <option value="">Any specialty</option>
          {specialties.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className={styles.filterLabel}>Level</span>
        <select className="select" name="level" defaultValue={level ?? ''}>
          <option value="">Any level</option>
          {COURSE_LEVELS.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABELS[l]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className={styles.filterLabel}>Pricing</span>
        <select className="select" name="pricing" defaultValue={pricing ?? ''}>
          <option value="">Any pricing</option>
          {COURSE_PRICING.map((p) => (
            <option key={p} value={p}>
              {PRICING_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      <div className={styles.filterActions}>
        <button type="submit" className="button">
          Show courses
        </button>
        {filtered ? (
          <Link href="/learn" className="button button--plain">
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  )
}

import { MAX_QUERY, MIN_QUERY, type SearchType } from '@/domain/search/input'
import styles from './search.module.css'

type Props = { q: string; type: SearchType | 'all'; specialty?: number; specialties: { id: number; name: string }[] }

/** A plain GET form: works before any script loads, and the address bar keeps the search. */
export function SearchForm({ q, type, specialty, specialties }: Props) {
  return (
    <form className={styles.form} action="/search" method="get" role="search">
      <div className={`field ${styles.query}`}>
        <label htmlFor="search-q">Search Rounds</label>
        <input
          id="search-q"
          className="input"
          type="search"
          name="q"
          defaultValue={q}
          minLength={MIN_QUERY}
          maxLength={MAX_QUERY}
          required
          placeholder="Posts, people, rooms…"
          autoComplete="off"
          enterKeyHint="search"
        />
      </div>
      <div className={`field ${styles.specialty}`}>
        <label htmlFor="search-specialty">Specialty</label>
        <select id="search-specialty" className="select" name="specialty" defaultValue={specialty ? String(specialty) : ''}>
          <option value="">Any specialty</option>
          {specialties.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      {type !== 'all' ? <input type="hidden" name="type" value={type} /> : null}
      <button type="submit" className={`button ${styles.submit}`}>
        Search
      </button>
    </form>
  )
}

import type { Metadata } from 'next'
import Link from 'next/link'

import { SearchResultItem } from '@/components/search/Hits'
import { LoadMore } from '@/components/search/LoadMore'
import { SearchForm } from '@/components/search/SearchForm'
import { SearchTabs } from '@/components/search/SearchTabs'
import { SECTION_LABELS, searchHref, type SearchState } from '@/components/search/sections'
import styles from '@/components/search/search.module.css'
import { SEARCH_TYPES, SearchError, parseSearchParams, search, type SearchResult, type SearchType } from '@/domain/search'
import { getViewer, payloadInstance } from '@/lib/session'

export const metadata: Metadata = { title: 'Search', description: 'Search posts, doctors, rooms and courses on Rounds.' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

export default async function SearchPage({ searchParams }: Props) {
  const raw = await searchParams
  const [payload, viewer] = await Promise.all([payloadInstance(), getViewer()])
  const typeParam = first(raw.type)
  const type: SearchType | 'all' = SEARCH_TYPES.includes(typeParam as SearchType) ? (typeParam as SearchType) : 'all'
  const specialtyParam = Number(first(raw.specialty))
  const q = (first(raw.q) ?? '').trim()
  const state: SearchState = { q, type, specialty: Number.isSafeInteger(specialtyParam) && specialtyParam > 0 ? specialtyParam : undefined }

  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(state)) if (value !== undefined && value !== '') params.set(key, String(value))
  let result: SearchResult | null = null
  let problem: string | null = null
  const specialties = payload.find({ collection: 'specialties', sort: 'name', limit: 100, pagination: false, depth: 0, select: { name: true }, overrideAccess: false, user: viewer ?? undefined })
  if (q) {
    try {
      result = await search(payload, viewer, parseSearchParams(params))
    } catch (err) {
      if (!(err instanceof SearchError)) throw err
      problem = err.message
    }
  }
  const specialtyOptions = (await specialties).docs.map((s) => ({ id: s.id as number, name: String(s.name) }))

  return (
    <>
      <div className="page-head">
        <span className="eyebrow">Search</span>
        <h1>{q ? <>Results for “{q}”</> : 'Search Rounds'}</h1>
      </div>
      <SearchForm q={q} type={type} specialty={state.specialty} specialties={specialtyOptions} />
      <SearchTabs state={state} />
      {problem ? (
        <p className="alert alert--error" role="alert">
          {problem}
        </p>
      ) : null}
      {!q ? <p className="empty">Find posts by their words, doctors by name (typos forgiven), rooms by topic and courses by subject.</p> : null}
      {result ? <Results result={result} state={state} /> : null}
    </>
  )
}

function Results({ result, state }: { result: SearchResult; state: SearchState }) {
  const nothing = result.sections.every((s) => s.hits.length === 0)
  if (nothing) {
    return (
      <div className="empty" role="status">
        <p>Nothing matches “{result.q}”{state.specialty ? ' in this specialty' : ''}.</p>
        <p>Check the spelling, use fewer words{state.specialty ? ', or search every specialty' : ''}.</p>
      </div>
    )
  }
  return (
    <div className={styles.sections}>
      {result.sections.map((section) => {
        const label = SECTION_LABELS[section.type]
        const single = result.type !== 'all'
        if (!single && !section.hits.length) return null
        const headingId = `results-${section.type}`
        return (
          <section key={section.type} aria-labelledby={headingId} className={styles.section}>
            <h2 id={headingId} className={single ? 'visually-hidden' : undefined}>
              {label.tab}
            </h2>
            {section.hits.length ? (
              <ol className={styles.results}>
                {section.hits.map((hit) => (
                  <li key={`${hit.type}-${hit.id}`}>
                    <SearchResultItem hit={hit} q={result.q} />
                  </li>
                ))}
              </ol>
            ) : (
              <p className="empty" role="status">
                {label.empty}
              </p>
            )}
            {single && section.nextCursor ? <LoadMore key={`${result.q}-${state.specialty}`} q={result.q} type={section.type} specialty={state.specialty} cursor={section.nextCursor} /> : null}
            {!single && section.nextCursor ? (
              <p className={styles.more}>
                <Link href={searchHref({ ...state, type: section.type })}>All {label.tab.toLowerCase()} for “{result.q}” →</Link>
              </p>
            ) : null}
          </section>
        )
      })}
    </div>
  )
}

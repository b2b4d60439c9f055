import type { Metadata } from 'next'
import Link from 'next/link'

import { CatalogueFilters } from '@/components/learning/catalogue/CatalogueFilters'
import { CourseCard } from '@/components/learning/catalogue/CourseCard'
import { ShowMore } from '@/components/learning/catalogue/ShowMore'
import styles from '@/components/learning/catalogue/catalogue.module.css'
import { cataloguePage, parseCatalogueParams, type CatalogueQuery } from '@/domain/learning/catalogue'
import { RuleError } from '@/lib/ruleError'
import { getViewer, payloadInstance } from '@/lib/session'

export const metadata: Metadata = { title: 'Learn', description: 'Accredited courses for doctors: cardiology, emergency medicine, practice finance and more.' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** The course catalogue: published courses, filtered by specialty, level, pricing and words. */
export default async function LearnPage({ searchParams }: Props) {
  const raw = await searchParams
  const [payload, viewer] = await Promise.all([payloadInstance(), getViewer()])
  let filters: CatalogueQuery = {}
  let problem: string | null = null
  try {
    filters = parseCatalogueParams({ ...raw, before: undefined, limit: undefined })
  } catch (err) {
    if (!(err instanceof RuleError)) throw err
    problem = err.message
  }
  const [page, specialties] = await Promise.all([
    cataloguePage(payload, filters),
    payload.find({ collection: 'specialties', sort: 'name', limit: 100, depth: 0, select: { name: true }, overrideAccess: false, user: viewer ?? undefined }),
  ])
  const kept: Record<string, string> = {}
  for (const key of ['q', 'specialty', 'level', 'pricing'] as const) if (filters[key] !== undefined && filters[key] !== '') kept[key] = String(filters[key])
  const filtered = Object.keys(kept).length > 0

  return (
    <>
      <header className="page-head">
        <span className="eyebrow">Learn</span>
        <h1>Courses</h1>
        <p>Accredited courses by practising specialists, with credit hours on a certificate when you complete them.</p>
        {viewer ? (
          <p>
            <Link href="/learn/mine">My learning</Link>
            {' · '}
            <Link href="/learn/certificates">Certificates</Link>
            {viewer.roles?.some((r) => ['instructor', 'admin', 'moderator', 'editor'].includes(r)) ? (
              <>
                {' · '}
                <Link href="/learn/teach">Teaching</Link>
              </>
            ) : null}
          </p>
        ) : null}
      </header>
      <CatalogueFilters
        q={filters.q}
        specialty={filters.specialty}
        level={filters.level}
        pricing={filters.pricing}
        specialties={specialties.docs.map((s) => ({ id: Number(s.id), name: String(s.name) }))}
      />
      {problem ? (
        <p className="alert alert--error" role="alert">
          {problem}
        </p>
      ) : null}
      {page.courses.length ? (
        <>
          <ul className={styles.grid} aria-label="Courses">
            {page.courses.map((course, i) => (
              <li key={course.id}>
                <CourseCard course={course} eager={i < 3} />
              </li>
            ))}
          </ul>
          {page.nextBefore ? <ShowMore key={JSON.stringify(kept)} filters={kept} before={page.nextBefore} /> : null}
        </>
      ) : (
        <div className="empty" role="status">
          <p>{filtered ? 'No course matches these filters.' : 'No courses are published yet.'}</p>
          {filtered ? <Link href="/learn">See every course</Link> : null}
        </div>
      )}
    </>
  )
}

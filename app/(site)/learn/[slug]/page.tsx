import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { cache } from 'react'

import { hasRole, isStaffUser } from '@/access/roles'
import { LEVEL_LABELS, PRICING_LABELS, creditHours, duration, price } from '@/components/learning/catalogue/format'
import { CourseAction, type ActionState } from '@/components/learning/course/CourseAction'
import { ProgressBar } from '@/components/learning/course/ProgressBar'
import { SyllabusList } from '@/components/learning/course/SyllabusList'
import styles from '@/components/learning/course/course.module.css'
import { RichBody } from '@/components/post-page/RichBody'
import { Avatar } from '@/components/site/Avatar'
import { PREMIUM_TIERS, admissionFacts } from '@/domain/learning/enrollment'
import { courseSyllabus, type Syllabus } from '@/domain/learning/syllabus'
import { mediaUrl } from '@/lib/media'
import { getViewer, payloadInstance, type Viewer } from '@/lib/session'
import type { Course, Media, Specialty, User } from '../../../../payload-types'

type Props = { params: Promise<{ slug: string }> }

const loadCourse = cache(async (slug: string): Promise<Course | null> => {
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) return null
  const [payload, viewer] = await Promise.all([payloadInstance(), getViewer()])
  const { docs } = await payload.find({
    collection: 'courses',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 1,
    overrideAccess: false,
    user: viewer ?? undefined,
  })
  return (docs[0] as Course | undefined) ?? null
})

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const course = await loadCourse((await params).slug)
  return course ? { title: course.title, description: course.summary ?? undefined } : { title: 'Course not found' }
}

/** The first lesson the learner can open: where they stopped, else the first released lesson. */
function continueHref(slug: string, syllabus: Syllabus): string | null {
  const lessons = syllabus.modules.flatMap((m) => m.lessons)
  const last = syllabus.enrollment?.lastLesson
  const target = (last && lessons.find((l) => l.id === last && l.released)) || lessons.find((l) => l.released && l.progress?.status !== 'completed') || lessons.find((l) => l.released)
  return target ? `/learn/${slug}/lessons/${target.id}` : null
}

function actionState(course: Course, viewer: Viewer | null, syllabus: Syllabus, entitled: boolean, prerequisitesMet: boolean): ActionState {
  if (!viewer) return { kind: 'guest' }
  const enrollment = syllabus.enrollment
  if (enrollment?.status === 'completed') return { kind: 'completed', continueHref: continueHref(course.slug, syllabus) }
  if (enrollment?.status === 'active') return { kind: 'enrolled', continueHref: continueHref(course.slug, syllabus), progress: enrollment.progress }
  const again = enrollment?.status === 'cancelled'
  if (isStaffUser(viewer)) return { kind: 'enrol', label: again ? 'Enrol again' : 'Enrol' }
  if (course.pricing === 'premium' && !(PREMIUM_TIERS as readonly string[]).includes(viewer.tier ?? '') && !entitled) return { kind: 'premium' }
  if (course.pricing === 'paid' && !entitled) return { kind: 'buy', price: price(course.price?.amount != null ? { amount: course.price.amount, currency: course.price.currency ?? 'usd' } : null) }
  if (!prerequisitesMet) return { kind: 'prerequisites' }
  return { kind: 'enrol', label: again ? 'Enrol again' : course.pricing === 'free' ? 'Enrol for free' : 'Enrol' }
}

/** A course: what it is, who teaches it, what it asks first, its syllabus, and the viewer's action. */
export default async function CoursePage({ params }: Props) {
  const { slug } = await params
  const course = await loadCourse(slug)
  if (!course) notFound()
  const [payload, viewer] = await Promise.all([payloadInstance(), getViewer()])
  const [syllabus, facts] = await Promise.all([courseSyllabus(payload, course.id, viewer), admissionFacts(payload, course.id, viewer ? Number(viewer.id) : null)])

  const instructors = (course.instructors ?? []).filter((i): i is User => typeof i === 'object' && i !== null)
  const teaches = Boolean(viewer && hasRole(viewer, 'instructor') && instructors.some((i) => i.id === viewer.id))
  const enrolled = syllabus.enrollment !== null && syllabus.enrollment.status !== 'cancelled'
  const canOpen = enrolled || teaches || isStaffUser(viewer)
  const prerequisitesMet = facts.prerequisites.every((p) => p.completed)
  const state = actionState(course, viewer, syllabus, facts.entitled, prerequisitesMet)
  const cover = typeof course.cover === 'object' && course.cover ? (course.cover as Media) : null
  const specialty = typeof course.specialty === 'object' && course.specialty ? (course.specialty as Specialty) : null
  const lessons = syllabus.modules.flatMap((m) => m.lessons)
  const minutes = course.durationMinutes ?? (lessons.reduce((sum, l) => sum + (l.estimatedMinutes ?? 0), 0) || null)
  const facts_ = [
    LEVEL_LABELS[course.level] ?? course.level,
    duration(minutes),
    creditHours(course.creditHours),
    `${lessons.length} ${lessons.length === 1 ? 'lesson' : 'lessons'}`,
    course.enrollmentCount ? `${course.enrollmentCount.toLocaleString('en')} enrolled` : null,
  ].filter(Boolean)

  return (
    <article className={styles.page} aria-labelledby="course-title">
      <nav className={styles.crumbs} aria-label="Breadcrumb">
        <Link href="/learn">Courses</Link>
        {viewer ? (
          <>
            {' · '}
            <Link href="/learn/mine">My learning</Link>
          </>
        ) : null}
      </nav>
      <header className={styles.hero}>
        <div className={styles.heroText}>
          <span className="eyebrow">
            {specialty ? specialty.name : 'Course'}
            {course._status !== 'published' ? ' · Draft' : ''}
          </span>
          <h1 id="course-title">{course.title}</h1>
          {course.summary ? <p className={styles.summary}>{course.summary}</p> : null}
          <p className={styles.facts}>
            <span className={`badge ${styles[`pricing_${course.pricing}`] ?? ''}`}>{PRICING_LABELS[course.pricing] ?? course.pricing}</span>
            {facts_.map((f) => (
              <span key={f}>{f}</span>
            ))}
          </p>
          {enrolled && syllabus.enrollment ? <ProgressBar value={syllabus.enrollment.progress} label="Your progress in this course" /> : null}
          <CourseAction courseId={course.id} slug={course.slug} title={course.title} state={state} />
        </div>
        {cover ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img className={styles.cover} src={mediaUrl(cover, 'wide') ?? ''} alt={cover.alt ?? ''} width={1280} height={720} />
        ) : null}
      </header>

      <div className={styles.columns}>
        <div className={styles.main}>
          {course.description ? (
            <section aria-labelledby="about">
              <h2 id="about">About this course</h2>
              <RichBody data={course.description} className={styles.description} />
            </section>
          ) : null}
          <section aria-labelledby="syllabus">
            <h2 id="syllabus">Syllabus</h2>
            <SyllabusList syllabus={syllabus} slug={course.slug} canOpen={canOpen} />
          </section>
        </div>
        <aside className={styles.aside}>
          {instructors.length ? (
            <section aria-labelledby="instructors" className="card">
              <h2 id="instructors">{instructors.length === 1 ? 'Instructor' : 'Instructors'}</h2>
              <ul className={styles.people}>
                {instructors.map((person) => {
                  const name = person.honorific ? `${person.honorific} ${person.name}` : person.name
                  const avatar = typeof person.avatar === 'object' && person.avatar ? mediaUrl(person.avatar as Media, 'thumbnail') : null
                  const inner = (
                    <>
                      <Avatar name={person.name} src={avatar} size={40} />
                      <span>
                        <span className={styles.personName}>{name}</span>
                        {person.title ? <span className={styles.personTitle}>{person.title}</span> : null}
                      </span>
                    </>
                  )
                  return <li key={person.id}>{person.handle ? <Link href={`/doctors/${person.handle}`}>{inner}</Link> : inner}</li>
                })}
              </ul>
            </section>
          ) : null}
          {facts.prerequisites.length ? (
            <section aria-labelledby="prerequisites" className="card">
              <h2 id="prerequisites">Prerequisites</h2>
              <p className="muted">Complete these courses before enrolling.</p>
              <ul className={styles.prereqs}>
                {facts.prerequisites.map((p) => (
                  <li key={p.id}>
                    <Link href={`/learn/${p.slug}`}>{p.title}</Link>{' '}
                    {viewer ? (
                      p.completed ? <span className="badge badge--verified">Completed</span> : <span className="badge badge--pending">Not completed</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {course.certificate?.enabled !== false && course.creditHours ? (
            <section aria-labelledby="certificate" className="card">
              <h2 id="certificate">Certificate</h2>
              <p>
                Complete the course to receive a certificate for {creditHours(course.creditHours)}
                {course.certificate?.validityMonths ? `, valid for ${course.certificate.validityMonths} months` : ''}.
              </p>
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  )
}

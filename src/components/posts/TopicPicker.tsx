'use client'

import { useId, useState } from 'react'

import styles from './posts.module.css'

export type Specialty = { id: number; name: string }

/** As the server stores tags (content.ts): letters, digits and hyphens, at most 40, lowercase, no '#'. */
const TAG = /^[\p{L}\p{N}][\p{L}\p{N}-]{0,39}$/u
export const MAX_TAGS = 10
export const MAX_SPECIALTIES = 5

type Props = {
  specialties: Specialty[]
  chosen: number[]
  onSpecialties: (ids: number[]) => void
  tags: string[]
  onTags: (tags: string[]) => void
  error?: string
}

/** Specialty tags from the list, and free tags typed and added with Enter or a comma. */
export function TopicPicker({ specialties, chosen, onSpecialties, tags, onTags, error }: Props) {
  const id = useId()
  const [tag, setTag] = useState('')
  const [tagError, setTagError] = useState('')
  const names = new Map(specialties.map((s) => [s.id, s.name]))

  function addTags(raw: string) {
    const words = raw.split(/[\s,]+/).map((w) => w.replace(/^#+/, '').toLowerCase()).filter(Boolean)
    if (!words.length) return
    const bad = words.find((w) => !TAG.test(w))
    if (bad) return setTagError(`“${bad}” is not a tag: use letters, digits and hyphens (up to 40).`)
    const next = [...tags]
    for (const w of words) if (!next.includes(w)) next.push(w)
    if (next.length > MAX_TAGS) return setTagError(`At most ${MAX_TAGS} tags.`)
    setTagError('')
    onTags(next)
    setTag('')
  }

  return (
    <div className={styles.options}>
      <div className="field">
        <label htmlFor={`${id}-specialty`}>Specialties</label>
        <select
          id={`${id}-specialty`}
          className="select"
          value=""
          disabled={chosen.length >= MAX_SPECIALTIES}
          onChange={(e) => {
            const value = Number(e.target.value)
            if (value && !chosen.includes(value)) onSpecialties([...chosen, value])
          }}
        >
          <option value="">{chosen.length >= MAX_SPECIALTIES ? `At most ${MAX_SPECIALTIES}` : 'Add a specialty…'}</option>
          {specialties
            .filter((s) => !chosen.includes(s.id))
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
        </select>
        {chosen.length ? (
          <ul className={styles.chips} aria-label="Chosen specialties">
            {chosen.map((s) => (
              <li key={s} className={styles.chip}>
                {names.get(s) ?? s}
                <button type="button" onClick={() => onSpecialties(chosen.filter((x) => x !== s))}>
                  <span aria-hidden="true">×</span>
                  <span className="visually-hidden">Remove {names.get(s)}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {error ? <p className="field__error">{error}</p> : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-tag`}>Tags</label>
        <input
          id={`${id}-tag`}
          className="input"
          value={tag}
          placeholder="e.g. ecg, sepsis"
          aria-describedby={tagError ? `${id}-tag-error` : `${id}-tag-hint`}
          aria-invalid={tagError ? true : undefined}
          onChange={(e) => {
            const value = e.target.value
            if (/[,\s]$/.test(value)) addTags(value)
            else setTag(value)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              addTags(tag)
            }
          }}
          onBlur={() => tag && addTags(tag)}
        />
        {tagError ? (
          <p className="field__error" id={`${id}-tag-error`}>
            {tagError}
          </p>
        ) : (
          <p className="field__hint" id={`${id}-tag-hint`}>
            Press Enter or type a comma after each tag.
          </p>
        )}
        {tags.length ? (
          <ul className={styles.chips} aria-label="Tags">
            {tags.map((t) => (
              <li key={t} className={styles.chip}>
                #{t}
                <button type="button" onClick={() => onTags(tags.filter((x) => x !== t))}>
                  <span aria-hidden="true">×</span>
                  <span className="visually-hidden">Remove tag {t}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  )
}

'use client'

import { useRouter } from 'next/navigation'
import { useMemo, useState, type FormEvent } from 'react'

import { api } from '../forms/api'
import { Field, focusFirstInvalid } from '../forms/Field'
import { FormAlert, Messages } from '../forms/FormAlert'

export type SpecialtyOption = { id: number; name: string; parent: number | null }
type Visibility = 'public' | 'members' | 'verified' | 'private'
type ContactKey = 'publicEmail' | 'phone' | 'website' | 'location'

export type ProfileValues = {
  honorific: string
  name: string
  title: string
  bio: string
  specialty: number | null
  subSpecialties: number[]
  licence: { number: string; jurisdiction: string }
  contact: Record<ContactKey, string> & Record<`${ContactKey}Visibility`, Visibility>
}

const MAX_SUB = 8
const VISIBILITY: { value: Visibility; label: string }[] = [
  { value: 'public', label: 'Everyone' },
  { value: 'members', label: 'Signed-in members' },
  { value: 'verified', label: 'Verified doctors' },
  { value: 'private', label: 'Only me' },
]
const CONTACTS: { key: ContactKey; label: string; type: string; autoComplete: string; inputMode?: 'url' | 'tel' | 'email' }[] = [
  { key: 'publicEmail', label: 'Contact email', type: 'email', autoComplete: 'email', inputMode: 'email' },
  { key: 'phone', label: 'Phone', type: 'tel', autoComplete: 'tel', inputMode: 'tel' },
  { key: 'website', label: 'Website', type: 'text', autoComplete: 'url', inputMode: 'url' },
  { key: 'location', label: 'Location', type: 'text', autoComplete: 'address-level2' },
]

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim()
const orNull = (value: string) => (value === '' ? null : value)

export function ProfileForm({ userId, initial, specialties }: { userId: number; initial: ProfileValues; specialties: SpecialtyOption[] }) {
  const router = useRouter()
  const [specialty, setSpecialty] = useState<number | null>(initial.specialty)
  const [subs, setSubs] = useState<number[]>(initial.subSpecialties)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState<string | null>(null)
  const [messages, setMessages] = useState<string[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})

  const { topLevel, groups } = useMemo(() => {
    const byId = new Map(specialties.map((s) => [s.id, s]))
    const top = specialties.filter((s) => s.parent === null || !byId.has(s.parent))
    const children = new Map<number, SpecialtyOption[]>()
    for (const s of specialties) {
      if (s.parent !== null && byId.has(s.parent)) children.set(s.parent, [...(children.get(s.parent) ?? []), s])
    }
    const grouped = top.filter((t) => children.has(t.id)).map((t) => ({ parent: t, options: children.get(t.id)! }))
    return { topLevel: top, groups: grouped }
  }, [specialties])
  // The chosen specialty's own sub-specialties come first.
  const orderedGroups = useMemo(
    () => [...groups].sort((a, b) => Number(b.parent.id === initial.specialty) - Number(a.parent.id === initial.specialty)),
    [groups, initial.specialty],
  )

  function toggleSub(id: number, checked: boolean) {
    setSubs((current) => (checked ? [...current, id] : current.filter((s) => s !== id)))
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const formEl = event.currentTarget
    const form = new FormData(formEl)
    setSaved(null)
    setMessages([])
    const name = text(form, 'name')
    const local: Record<string, string> = {}
    if (name.length < 2) local.name = 'Enter your name.'
    if (subs.length > MAX_SUB) local.subSpecialties = `Choose at most ${MAX_SUB} sub-specialties.`
    setErrors(local)
    if (Object.keys(local).length) return focusFirstInvalid(formEl)

    const contact: Record<string, string | null> = {}
    for (const c of CONTACTS) {
      contact[c.key] = orNull(text(form, `contact.${c.key}`))
      contact[`${c.key}Visibility`] = text(form, `contact.${c.key}Visibility`) || 'private'
    }
    const body = {
      honorific: orNull(text(form, 'honorific')),
      name,
      title: orNull(text(form, 'title')),
      bio: orNull(String(form.get('bio') ?? '').trim()),
      specialty,
      subSpecialties: subs,
      licence: { number: orNull(text(form, 'licence.number')), jurisdiction: orNull(text(form, 'licence.jurisdiction')) },
      contact,
    }
    setBusy(true)
    const res = await api(`/api/users/${userId}`, { method: 'PATCH', json: body })
    setBusy(false)
    if (res.ok) {
      setSaved('Profile saved.')
      router.refresh()
      return
    }
    if (res.status === 401 || res.status === 403) {
      setMessages(['Your session has ended. Log in again to save your changes.'])
      return
    }
    setErrors(res.fieldErrors)
    setMessages(res.messages.length ? res.messages : ['Some fields need your attention.'])
    focusFirstInvalid(formEl)
  }

  const subOptions = groups.length ? null : specialties.filter((s) => s.id !== specialty)

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Edit profile">
      <fieldset className="form-section">
        <legend>About you</legend>
        <div className="row row--honorific">
          <Field label="Honorific" name="honorific">
            {(p) => (
              <select {...p} name="honorific" className="select" defaultValue={initial.honorific}>
                <option value="">None</option>
                {['Dr', 'Prof', 'Mr', 'Ms', 'Mx'].map((h) => (
                  <option key={h}>{h}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Full name" name="name" error={errors.name}>
            {(p) => <input {...p} name="name" className="input" defaultValue={initial.name} autoComplete="name" maxLength={120} required />}
          </Field>
        </div>
        <Field label="Job title" name="title" optional hint='For example "Consultant cardiologist".' error={errors.title}>
          {(p) => <input {...p} name="title" className="input" defaultValue={initial.title} autoComplete="organization-title" maxLength={120} />}
        </Field>
        <Field label="Bio" name="bio" optional hint="A few lines on your practice and interests. Up to 2,000 characters." error={errors.bio}>
          {(p) => <textarea {...p} name="bio" className="textarea" defaultValue={initial.bio} maxLength={2000} rows={5} />}
        </Field>
      </fieldset>

      <fieldset className="form-section">
        <legend>Specialty</legend>
        <Field label="Main specialty" name="specialty" optional error={errors.specialty}>
          {(p) => (
            <select
              {...p}
              name="specialty"
              className="select"
              value={specialty ?? ''}
              onChange={(e) => setSpecialty(e.target.value ? Number(e.target.value) : null)}
            >
              <option value="">Not set</option>
              {topLevel.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
              {specialty !== null && !topLevel.some((s) => s.id === specialty)
                ? specialties
                    .filter((s) => s.id === specialty)
                    .map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))
                : null}
            </select>
          )}
        </Field>
        <fieldset aria-describedby="sub-hint" aria-invalid={errors.subSpecialties ? true : undefined}>
          <legend>
            Sub-specialties <span className="optional">(optional)</span>
          </legend>
          <p id="sub-hint" className="field__hint" style={{ marginBottom: '0.5rem' }}>
            Up to {MAX_SUB}. {subs.length} chosen.
          </p>
          {errors.subSpecialties ? <p className="field__error">{errors.subSpecialties}</p> : null}
          <div className="groups">
            {orderedGroups.map(({ parent, options }) => {
              const chosen = options.filter((o) => subs.includes(o.id)).length
              return (
                <details key={parent.id} className="group" open={parent.id === specialty || chosen > 0}>
                  <summary>
                    {parent.name}
                    <span className="count">{chosen ? `${chosen} chosen` : `${options.length}`}</span>
                  </summary>
                  <div className="group__options">
                    {options.map((o) => (
                      <SubCheckbox key={o.id} option={o} checked={subs.includes(o.id)} disabled={!subs.includes(o.id) && subs.length >= MAX_SUB} onChange={toggleSub} />
                    ))}
                  </div>
                </details>
              )
            })}
            {subOptions ? (
              <div className="group group__options">
                {subOptions.map((o) => (
                  <SubCheckbox key={o.id} option={o} checked={subs.includes(o.id)} disabled={!subs.includes(o.id) && subs.length >= MAX_SUB} onChange={toggleSub} />
                ))}
              </div>
            ) : null}
          </div>
        </fieldset>
      </fieldset>

      <fieldset className="form-section">
        <legend>Licence</legend>
        <p className="form-section__note">Only you and the Rounds verification team can see your licence.</p>
        <div className="row row--2">
          <Field label="Licence number" name="licence.number" optional error={errors['licence.number']}>
            {(p) => <input {...p} name="licence.number" className="input" defaultValue={initial.licence.number} maxLength={64} autoComplete="off" />}
          </Field>
          <Field label="Issued by" name="licence.jurisdiction" optional hint="Country or regulator, e.g. GMC (UK)." error={errors['licence.jurisdiction']}>
            {(p) => <input {...p} name="licence.jurisdiction" className="input" defaultValue={initial.licence.jurisdiction} maxLength={120} />}
          </Field>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Contact details</legend>
        <p className="form-section__note">Choose who can see each detail on your public page.</p>
        {CONTACTS.map((c) => (
          <div key={c.key} className="contact-row">
            <Field label={c.label} name={`contact.${c.key}`} optional error={errors[`contact.${c.key}`]}>
              {(p) => (
                <input
                  {...p}
                  name={`contact.${c.key}`}
                  type={c.type}
                  inputMode={c.inputMode}
                  className="input"
                  defaultValue={initial.contact[c.key]}
                  autoComplete={c.autoComplete}
                  maxLength={254}
                />
              )}
            </Field>
            <Field
              label={
                <>
                  <span className="visually-hidden">{c.label}: </span>Visible to
                </>
              }
              name={`contact.${c.key}Visibility`}
              error={errors[`contact.${c.key}Visibility`]}
            >
              {(p) => (
                <select {...p} name={`contact.${c.key}Visibility`} className="select" defaultValue={initial.contact[`${c.key}Visibility`]}>
                  {VISIBILITY.map((v) => (
                    <option key={v.value} value={v.value}>
                      {v.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        ))}
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save profile'}
        </button>
        <FormAlert>{messages.length ? <Messages messages={messages} /> : null}</FormAlert>
        <FormAlert tone="ok">{saved}</FormAlert>
      </div>
    </form>
  )
}

function SubCheckbox({
  option,
  checked,
  disabled,
  onChange,
}: {
  option: SpecialtyOption
  checked: boolean
  disabled: boolean
  onChange: (id: number, checked: boolean) => void
}) {
  return (
    <label className="check">
      <input type="checkbox" name="subSpecialties" value={option.id} checked={checked} disabled={disabled} onChange={(e) => onChange(option.id, e.target.checked)} />
      <span>{option.name}</span>
    </label>
  )
}

'use client'

import type { Where } from 'payload'
import { Button, useListQuery } from '@payloadcms/ui'
import React, { useEffect, useMemo, useState } from 'react'

import { AUDIT_TYPES } from '@/domain/trust/auditTypes'

type Filters = { type: string; user: string; actor: string; from: string; to: string }
const EMPTY: Filters = { type: '', user: '', actor: '', from: '', to: '' }
const DAY = 24 * 60 * 60 * 1000

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value)
const dayOf = (value: unknown, shift = 0) =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(Date.parse(value) + shift).toISOString().slice(0, 10) : ''
const plain = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '')

/**
 * The list's own filters that this panel understands (type, member, actor, date range), read from a
 * single group of "and" conditions, as the admin's filter builder writes them.
 */
function fromListWhere(where: Where | undefined): Filters {
  const found = { ...EMPTY }
  const groups = (where?.or as Where[] | undefined) ?? (where ? [where] : [])
  if (groups.length !== 1) return found
  const conditions = ((groups[0].and as Where[] | undefined) ?? [groups[0]]).flatMap((c) => Object.entries(c))
  for (const [field, condition] of conditions) {
    const c = (condition ?? {}) as Record<string, unknown>
    if (field === 'type' && c.equals) found.type = plain(c.equals)
    if (field === 'user' && c.equals) found.user = plain(c.equals)
    if (field === 'actor' && c.equals) found.actor = plain(c.equals)
    if (field === 'createdAt') {
      found.from = dayOf(c.greater_than_equal ?? c.greater_than) || found.from
      // The panel writes "before the next day"; show the day itself.
      found.to = (c.less_than ? dayOf(c.less_than, -DAY) : dayOf(c.less_than_equal)) || found.to
    }
  }
  return found
}

/** The panel's filters as the list's query (the same meaning as the CSV export's parameters). */
function toListWhere(f: Filters): Where {
  const and: Where[] = []
  if (f.type) and.push({ type: { equals: f.type } })
  if (/^\d+$/.test(f.user)) and.push({ user: { equals: Number(f.user) } })
  if (/^\d+$/.test(f.actor)) and.push({ actor: { equals: Number(f.actor) } })
  if (isDay(f.from)) and.push({ createdAt: { greater_than_equal: `${f.from}T00:00:00.000Z` } })
  if (isDay(f.to)) and.push({ createdAt: { less_than: new Date(Date.parse(`${f.to}T00:00:00.000Z`) + DAY).toISOString() } })
  return and.length ? { or: [{ and }] } : {}
}

const field: React.CSSProperties = { display: 'flex', flexDirection: 'column', gap: 4, fontSize: 12 }
const input: React.CSSProperties = { padding: '6px 8px', minWidth: 0 }

/**
 * Above the audit trail's list: filter by a known event type, member, actor and days (UTC), and
 * download what is shown as CSV. Starts from the list's current filters.
 */
export function AuditExport() {
  const { query, handleWhereChange } = useListQuery()
  const listFilters = useMemo(() => fromListWhere(query?.where as Where | undefined), [query?.where])
  const [filters, setFilters] = useState<Filters>(listFilters)
  useEffect(() => setFilters(listFilters), [listFilters])

  const href = useMemo(() => {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(filters)) if (value.trim()) params.set(key, value.trim())
    const qs = params.toString()
    return `/api/audit-events/export.csv${qs ? `?${qs}` : ''}`
  }, [filters])

  const set = (key: keyof Filters) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setFilters({ ...filters, [key]: e.target.value })

  return (
    <form
      aria-label="Filter and export the audit trail"
      onSubmit={(e) => {
        e.preventDefault()
        void handleWhereChange?.(toListWhere(filters))
      }}
      style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: 12, margin: '0 0 16px' }}
    >
      <label style={field}>
        Type
        <select name="type" value={filters.type} onChange={set('type')} style={input}>
          <option value="">All types</option>
          {Object.entries(AUDIT_TYPES).map(([value, label]) => (
            <option key={value} value={value}>
              {label} ({value})
            </option>
          ))}
        </select>
      </label>
      <label style={field}>
        Member id
        <input name="user" inputMode="numeric" pattern="\d*" value={filters.user} onChange={set('user')} size={8} style={input} />
      </label>
      <label style={field}>
        Actor id
        <input name="actor" inputMode="numeric" pattern="\d*" value={filters.actor} onChange={set('actor')} size={8} style={input} />
      </label>
      <label style={field}>
        From (UTC)
        <input name="from" type="date" value={filters.from} onChange={set('from')} style={input} />
      </label>
      <label style={field}>
        To, included
        <input name="to" type="date" value={filters.to} onChange={set('to')} style={input} />
      </label>
      <Button type="submit" buttonStyle="primary" size="small" margin={false}>
        Filter
      </Button>
      <Button el="anchor" url={href} buttonStyle="secondary" size="small" margin={false}>
        Export CSV
      </Button>
    </form>
  )
}

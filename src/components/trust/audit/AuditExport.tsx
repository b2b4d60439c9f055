'use client'

import type { Where } from 'payload'
import { Button, useListQuery } from '@payloadcms/ui'
import React, { useEffect, useMemo, useState } from 'react'

import { AUDIT_TYPES } from '@/domain/trust/auditTypes'

type Filters = { type: string; user: string; actor: string; from: string; to: string }
const EMPTY: Filters = { type: '', user: '', actor: '', from: '', to: '' }

const day = (value: unknown) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString().slice(0, 10) : '')
const plain = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '')

/**
 * The list's own filters that the export understands (type, member, actor, date range), taken from a
 * single group of "and" conditions; anything else is left for the form below.
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
      found.from = day(c.greater_than_equal ?? c.greater_than) || found.from
      found.to = day(c.less_than_equal ?? c.less_than) || found.to
    }
  }
  return found
}

const field: React.CSSProperties = { display: 'flex', flexDirection: 'column', gap: 4, fontSize: 12 }
const input: React.CSSProperties = { padding: '6px 8px', minWidth: 0 }

/** Above the audit trail's list: download the events as CSV, starting from the list's current filters. */
export function AuditExport() {
  const { query } = useListQuery()
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
      aria-label="Export the audit trail as CSV"
      onSubmit={(e) => e.preventDefault()}
      style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: 12, margin: '0 0 16px' }}
    >
      <label style={field}>
        Type
        <select value={filters.type} onChange={set('type')} style={input}>
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
        <input inputMode="numeric" value={filters.user} onChange={set('user')} size={8} style={input} />
      </label>
      <label style={field}>
        Actor id
        <input inputMode="numeric" value={filters.actor} onChange={set('actor')} size={8} style={input} />
      </label>
      <label style={field}>
        From
        <input type="date" value={filters.from} onChange={set('from')} style={input} />
      </label>
      <label style={field}>
        To (included)
        <input type="date" value={filters.to} onChange={set('to')} style={input} />
      </label>
      <Button el="anchor" url={href} buttonStyle="secondary" size="small" margin={false}>
        Export CSV
      </Button>
    </form>
  )
}

import type { Specialty, User } from '../../../payload-types'

export const displayName = (user: Pick<User, 'name' | 'honorific'>) => (user.honorific ? `${user.honorific} ${user.name}` : user.name)

export const specialtyName = (value: number | Specialty | null | undefined) => (value && typeof value === 'object' ? value.name : null)

/** A website as a safe link target: http(s) only; a bare domain is taken as https. */
export function websiteHref(value: string | null | undefined): string | null {
  if (!value) return null
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`
  try {
    const url = new URL(candidate)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null
  } catch {
    return null
  }
}

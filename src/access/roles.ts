export const ROLES = ['admin', 'moderator', 'editor', 'instructor', 'expert', 'sponsor', 'member'] as const
export type Role = (typeof ROLES)[number]

/** Roles that work in the admin panel. */
export const STAFF_ROLES: Role[] = ['admin', 'moderator', 'editor']
/** Roles allowed into /admin (staff plus authors of courses). */
export const ADMIN_PANEL_ROLES: Role[] = ['admin', 'moderator', 'editor', 'instructor']

type MaybeUser = { roles?: string[] | null; collection?: string } | null | undefined

export const hasRole = (user: MaybeUser, ...roles: Role[]) =>
  Boolean(user?.roles?.some((r) => (roles as string[]).includes(r)))

export const isStaffUser = (user: MaybeUser) => hasRole(user, ...STAFF_ROLES)

import { describe, expect, it } from 'vitest'

import { safeAdminRedirect } from './safeRedirect'

describe('where the admin login sends the browser afterwards', () => {
  it('keeps a page inside the admin panel, with its query and fragment', () => {
    expect(safeAdminRedirect('/admin', '/admin')).toBe('/admin')
    expect(safeAdminRedirect('/admin/collections/users?page=2#top', '/admin')).toBe('/admin/collections/users?page=2#top')
    expect(safeAdminRedirect('/admin/two-factor', '/admin')).toBe('/admin/two-factor')
  })

  it('sends anything that could leave the panel to the admin root', () => {
    for (const target of [
      undefined,
      '',
      'admin',
      'https://evil.test/admin',
      '//evil.test/admin',
      '/\\evil.test',
      '/admin\\..\\evil',
      'javascript:alert(1)',
      '/profile',
      '/administrator',
      '/api/users/me',
      '/admin/../profile',
      '/admin/%2e%2e/profile',
      '/admin\n/collections',
      ['/admin/collections'],
    ]) {
      expect(safeAdminRedirect(target, '/admin'), String(target)).toBe('/admin')
    }
  })

  it('never goes back to the logout page, which would undo the login', () => {
    expect(safeAdminRedirect('/admin/logout', '/admin')).toBe('/admin')
    expect(safeAdminRedirect('/admin/logout-inactivity', '/admin')).toBe('/admin')
    expect(safeAdminRedirect('/admin/sign-out', '/admin', '/sign-out')).toBe('/admin')
  })

  it('follows a panel mounted elsewhere', () => {
    expect(safeAdminRedirect('/cms/collections/posts', '/cms')).toBe('/cms/collections/posts')
    expect(safeAdminRedirect('/admin', '/cms')).toBe('/cms')
    expect(safeAdminRedirect('/cms/', '/cms/')).toBe('/cms/')
  })
})

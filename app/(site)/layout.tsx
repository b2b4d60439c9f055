import type { Metadata, Viewport } from 'next'
import React from 'react'

import { SiteFooter } from '@/components/site/SiteFooter'
import { SiteHeader } from '@/components/site/SiteHeader'
import { getViewer, getViewerAvatar } from '@/lib/session'

import './site.css'

export const metadata: Metadata = {
  title: { default: 'Rounds', template: '%s · Rounds' },
  description: 'Where doctors learn, meet and grow their careers and their money.',
}

export const viewport: Viewport = { themeColor: '#0f6f68', width: 'device-width', initialScale: 1 }

// Every page shows who is signed in, so the site is rendered per request and `next build` needs no database.
export const dynamic = 'force-dynamic'

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer()
  const avatarUrl = viewer ? await getViewerAvatar() : null
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader member={viewer ? { name: viewer.name, honorific: viewer.honorific, avatarUrl } : null} />
        <main id="main" className="site-main" tabIndex={-1}>
          <div className="wrap">{children}</div>
        </main>
        <SiteFooter />
      </body>
    </html>
  )
}

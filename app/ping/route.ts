/**
 * A plain Next.js route that touches neither Payload nor the database: the benchmark's reference for
 * what this machine serves at best, so other figures can be read as a ratio.
 */
export const dynamic = 'force-dynamic'

export function GET() {
  return Response.json({ ok: true, at: Date.now() })
}

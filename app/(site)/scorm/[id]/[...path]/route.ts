import { servePackageFile } from '@/domain/learning/scorm/serve'
import { payloadInstance } from '@/lib/session'

/** The files of a SCORM package, on the app's origin so the SCO finds the run-time of the player's window. */
export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ id: string; path: string[] }> }) {
  const { id, path } = await params
  return servePackageFile(await payloadInstance(), request, id, path ?? [])
}

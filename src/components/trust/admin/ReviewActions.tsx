'use client'

import { Button, toast, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useEffect, useState } from 'react'

const box: React.CSSProperties = { display: 'flex', flexDirection: 'column', gap: 8, marginBottom: 24 }
const label: React.CSSProperties = { display: 'flex', flexDirection: 'column', gap: 4, fontSize: 13 }
const input: React.CSSProperties = { padding: '6px 8px', font: 'inherit' }

/**
 * On a licence verification's edit view: the document, and Approve (with an optional licence expiry)
 * or Reject (with the reason the member will read) while the request is open. Both call the review
 * endpoints, which record the decision, the member's status, the audit event and the notification.
 */
export function ReviewActions() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const router = useRouter()
  const stored = useFormFields(([fields]) => fields.status?.value as string | undefined)
  // The form keeps the values it loaded with; the decision just made is what counts here.
  const [decided, setDecided] = useState<string | null>(null)
  const status = decided ?? stored
  const document = useFormFields(([fields]) => fields.document?.value as number | { id: number } | undefined)
  const documentId = typeof document === 'object' && document ? document.id : document
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [fileUrl, setFileUrl] = useState<string | null>(null)
  const [expiresAt, setExpiresAt] = useState('')
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!documentId) return
    let live = true
    fetch(`${api}/licence-documents/${documentId}?depth=0`, { credentials: 'include' })
      .then((res) => (res.ok ? res.json() : null))
      .then((doc: { url?: string } | null) => live && setFileUrl(doc?.url ?? null))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [api, documentId])

  async function decide(action: 'approve' | 'reject') {
    setBusy(true)
    try {
      const body = action === 'approve' ? (expiresAt ? { expiresAt } : {}) : { reason }
      const res = await fetch(`${api}/licence-verifications/${id}/${action}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      const json = (await res.json().catch(() => null)) as { errors?: { message: string }[] } | null
      if (!res.ok) {
        toast.error(json?.errors?.[0]?.message ?? `The ${action} failed (${res.status}).`)
        return
      }
      toast.success(action === 'approve' ? 'Approved: the member is now verified.' : 'Rejected: the member has been told why.')
      setDecided(action === 'approve' ? 'approved' : 'rejected')
      router.refresh()
    } finally {
      setBusy(false)
    }
  }

  return (
    <div style={box} className="licence-review">
      <strong>Review</strong>
      {fileUrl ? (
        <a href={fileUrl} target="_blank" rel="noreferrer">
          Open the licence document
        </a>
      ) : null}
      {status === 'submitted' ? (
        <>
          <label style={label}>
            Licence valid until (optional; default one year)
            <input style={input} type="date" value={expiresAt} onChange={(e) => setExpiresAt(e.target.value)} name="review-expires-at" />
          </label>
          <Button buttonStyle="primary" disabled={busy} onClick={() => decide('approve')} margin={false}>
            Approve
          </Button>
          <label style={label}>
            Reason for rejecting (shown to the member)
            <textarea style={input} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} name="review-reason" />
          </label>
          <Button buttonStyle="secondary" disabled={busy || reason.trim().length < 3} onClick={() => decide('reject')} margin={false}>
            Reject
          </Button>
        </>
      ) : (
        <span>{status ? `This request is ${status}.` : null}</span>
      )}
    </div>
  )
}

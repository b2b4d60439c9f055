import type { CollectionBeforeChangeHook } from 'payload'

/** The uploader owns the file; nobody can upload on someone else's behalf. */
export const setOwner: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation === 'create' && req.user && req.payloadAPI !== 'local') data.owner = req.user.id
  else if (operation === 'create' && req.user && !data.owner) data.owner = req.user.id
  return data
}

import { NavLink as NavLink_897547eaffc1c916d76a2f7dbe981d60 } from '@plugins/two-factor/admin/NavLink'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { LoginView as LoginView_2cd382940553797071ab51fa2b983508 } from '@plugins/two-factor/admin/LoginView'
import { ManageView as ManageView_14807442edbab1bce1ddd5addb7561e9 } from '@plugins/two-factor/admin/ManageView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@plugins/two-factor/admin/NavLink#NavLink": NavLink_897547eaffc1c916d76a2f7dbe981d60,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "@plugins/two-factor/admin/LoginView#LoginView": LoginView_2cd382940553797071ab51fa2b983508,
  "@plugins/two-factor/admin/ManageView#ManageView": ManageView_14807442edbab1bce1ddd5addb7561e9,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}

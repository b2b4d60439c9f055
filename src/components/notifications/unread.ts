/** A window event by which the notifications page tells the header's bell the new unread number at once. */
export const UNREAD_EVENT = 'rounds:notifications-unread'

export const announceUnread = (unread: number) => window.dispatchEvent(new CustomEvent<number>(UNREAD_EVENT, { detail: unread }))

/** "99+" past the server's cap. */
export const badgeText = (count: number) => (count >= 100 ? '99+' : String(count))

export { Notifications } from './Notifications'
export { NotificationActors } from './NotificationActors'
export { NotificationDigests } from './NotificationDigests'
export { notificationPreferencesField } from './preferencesField'

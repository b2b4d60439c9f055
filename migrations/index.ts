import * as migration_20261123_163647_initial from './20261123_163647_initial';
import * as migration_20261123_172733_media_storage_fields from './20261123_172733_media_storage_fields';
import * as migration_20261123_191242_two_factor_sessions_social from './20261123_191242_two_factor_sessions_social';
import * as migration_20261123_193535_social_network from './20261123_193535_social_network';
import * as migration_20261123_234908_social_pages_search_notifications_engagement from './20261123_234908_social_pages_search_notifications_engagement';
import * as migration_20261204_190817_learning_trust from './20261204_190817_learning_trust';

export const migrations = [
  {
    up: migration_20261123_163647_initial.up,
    down: migration_20261123_163647_initial.down,
    name: '20261123_163647_initial',
  },
  {
    up: migration_20261123_172733_media_storage_fields.up,
    down: migration_20261123_172733_media_storage_fields.down,
    name: '20261123_172733_media_storage_fields',
  },
  {
    up: migration_20261123_191242_two_factor_sessions_social.up,
    down: migration_20261123_191242_two_factor_sessions_social.down,
    name: '20261123_191242_two_factor_sessions_social',
  },
  {
    up: migration_20261123_193535_social_network.up,
    down: migration_20261123_193535_social_network.down,
    name: '20261123_193535_social_network',
  },
  {
    up: migration_20261123_234908_social_pages_search_notifications_engagement.up,
    down: migration_20261123_234908_social_pages_search_notifications_engagement.down,
    name: '20261123_234908_social_pages_search_notifications_engagement',
  },
  {
    up: migration_20261204_190817_learning_trust.up,
    down: migration_20261204_190817_learning_trust.down,
    name: '20261204_190817_learning_trust'
  },
];

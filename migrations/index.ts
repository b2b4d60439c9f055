import * as migration_20261123_163647_initial from './20261123_163647_initial';
import * as migration_20261123_172733_media_storage_fields from './20261123_172733_media_storage_fields';

export const migrations = [
  {
    up: migration_20261123_163647_initial.up,
    down: migration_20261123_163647_initial.down,
    name: '20261123_163647_initial',
  },
  {
    up: migration_20261123_172733_media_storage_fields.up,
    down: migration_20261123_172733_media_storage_fields.down,
    name: '20261123_172733_media_storage_fields'
  },
];

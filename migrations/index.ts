import * as migration_20261123_163647_initial from './20261123_163647_initial';

export const migrations = [
  {
    up: migration_20261123_163647_initial.up,
    down: migration_20261123_163647_initial.down,
    name: '20261123_163647_initial'
  },
];

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { POSTGRES_MIGRATIONS } from '../../migrations/postgres/index.js';
import { SQLITE_MIGRATIONS } from '../../migrations/sqlite/index.js';
import type { DatabaseTarget } from '../config/app-config.js';
import { POSTGRES_LOCK_TIMEOUT_MS } from './postgres-locks.js';

export const SQLITE_BUSY_TIMEOUT_MS = 5000;

export type EntityClasses = readonly (abstract new () => object)[];

// The entity classes come from the caller (src/entities.ts): every feature module sits above this layer.
// A data source that only runs migrations or plain SQL needs none.
export function dataSourceOptions(target: DatabaseTarget, entities: EntityClasses = []): DataSourceOptions {
  switch (target.type) {
    case 'sqlite':
      if (target.path !== ':memory:') {
        mkdirSync(dirname(target.path), { recursive: true });
      }
      return {
        type: 'better-sqlite3',
        database: target.path,
        entities: [...entities],
        migrations: SQLITE_MIGRATIONS,
        migrationsRun: false,
        synchronize: false,
        enableWAL: target.path !== ':memory:',
        // A second process (the CLI) holding the write lock makes us wait, not fail.
        timeout: SQLITE_BUSY_TIMEOUT_MS,
        prepareDatabase: (db: { pragma(sql: string): unknown }) => {
          db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
          // Every commit reaches the disk before the client hears 2xx.
          db.pragma('synchronous = FULL');
        },
      };
    case 'postgres':
      return {
        type: 'postgres',
        url: target.url,
        entities: [...entities],
        migrations: POSTGRES_MIGRATIONS,
        migrationsRun: false,
        // Each migration commits on its own, so a failure leaves the ones before it applied.
        migrationsTransactionMode: 'each',
        synchronize: false,
        poolSize: target.poolSize,
        applicationName: 'policy-tracker',
        // Sent at connect time, so every pooled connection has it.
        extra: { lock_timeout: POSTGRES_LOCK_TIMEOUT_MS },
      };
  }
}

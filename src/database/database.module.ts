import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { dataSourceOptions, type EntityClasses } from './data-source-options.js';
import { storageFault } from './database-errors.js';
import { runMigrations } from './run-migrations.js';
import { StorageHealth } from './storage-health.js';
import { assertStorageIntact, oneLine, StorageIntegrityError } from './storage-integrity.js';
import { TransactionRunner } from './transaction-runner.js';

// The connection, its migrations and the transaction runner, for the entities the caller names
// (src/entities.ts), so that this layer imports no feature module.
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(entities: EntityClasses): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config.database, entities),
            // A damaged, unreadable or read-only file does not get better by waiting: fail at once.
            toRetry: (error: unknown) => !(error instanceof StorageIntegrityError) && storageFault(error) === undefined,
          }),
          // Migrations run at every start, before the first request; the schema is never synchronised.
          // A SQLite file failing its integrity check is refused before anything is read or written.
          dataSourceFactory: async (options) => {
            if (options === undefined) {
              throw new Error('the database options were not built');
            }
            const dataSource = await openDataSource(options);
            try {
              if (options.type === 'better-sqlite3') {
                await assertStorageIntact(dataSource, String(options.database));
              }
              await runMigrations(dataSource);
            } catch (error) {
              // Nest retries the whole factory: do not leave this pool open behind it.
              await dataSource.destroy();
              throw error;
            }
            return dataSource;
          },
        }),
      ],
      providers: [TransactionRunner, StorageHealth],
      exports: [TransactionRunner, StorageHealth],
    };
  }
}

// A file SQLite cannot even open (not a database, unreadable) is named in one line too.
async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  try {
    return await new DataSource(options).initialize();
  } catch (error) {
    if (options.type === 'better-sqlite3' && storageFault(error) !== undefined) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new StorageIntegrityError(
        `the SQLite file ${String(options.database)} cannot be opened: ${oneLine(reason)}`,
      );
    }
    throw error;
  }
}

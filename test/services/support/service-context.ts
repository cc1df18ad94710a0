import 'reflect-metadata';
import { Module, type DynamicModule, type INestApplicationContext, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CliModule } from '../../../src/cli/cli.module.js';
import { loadConfig, type AppConfig } from '../../../src/config/app-config.js';
import { ConsoleModule } from '../../../src/console/console.module.js';
import { TransactionRunner } from '../../../src/database/transaction-runner.js';
import { SeedModule } from '../../../src/seed/seed.module.js';
import { perSuite } from '../../support/per-suite.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

// Every service module, without HTTP, for a service test to call directly: the command line's
// (configuration and database included), the seed and the console's.
@Module({})
class ServicesModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ServicesModule, imports: [CliModule.forRoot(config), SeedModule, ConsoleModule] };
  }
}

export interface ServiceContext {
  readonly database: TestDatabase;
  readonly dataSource: DataSource;
  get<T>(service: Type<T>): T;
  // Runs work in a write transaction, as a service would.
  write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Services on a real database built by the migrations (SQLite, or PostgreSQL when
// TEST_DATABASE_URL is set) in a Nest application context: the tier between the pure unit tests
// and the HTTP tests. Nothing is mocked.
export async function startServices(
  env: Record<string, string> = {},
  database?: TestDatabase,
): Promise<ServiceContext> {
  const target = database ?? (await createTestDatabase());
  const config = loadConfig({ DATABASE_URL: target.url, TRACKER_SEED: 'false', LOG_LEVEL: 'silent', ...env });
  const context: INestApplicationContext = await NestFactory.createApplicationContext(ServicesModule.forRoot(config), {
    logger: false,
  });
  await context.init();
  const runner = context.get(TransactionRunner);
  return {
    database: target,
    dataSource: context.get<DataSource>(getDataSourceToken()),
    get: (service) => context.get(service),
    write: (work) => runner.write(work),
    close: async () => {
      await context.close();
      if (!database) {
        await target.drop();
      }
    },
  };
}

// The services for the tests of a describe block: started before the first, closed after the last.
export function startServicesPerSuite(env: Record<string, string> = {}): ServiceContext {
  return perSuite(() => startServices(env));
}

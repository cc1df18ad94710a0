import 'reflect-metadata';
import { Module, type DynamicModule, type INestApplicationContext, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditModule } from '../../../src/audit/audit.module.js';
import { AuthModule } from '../../../src/auth/auth.module.js';
import { loadConfig, type AppConfig } from '../../../src/config/app-config.js';
import { ConfigModule } from '../../../src/config/config.module.js';
import { CorrectionsModule } from '../../../src/corrections/corrections.module.js';
import { DatabaseModule } from '../../../src/database/database.module.js';
import { TransactionRunner } from '../../../src/database/transaction-runner.js';
import { ENTITIES } from '../../../src/entities.js';
import { ItemsModule } from '../../../src/items/items.module.js';
import { OutcomesModule } from '../../../src/outcomes/outcomes.module.js';
import { ReportsModule } from '../../../src/reports/reports.module.js';
import { SeedModule } from '../../../src/seed/seed.module.js';
import { TransferModule } from '../../../src/transfer/transfer.module.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

// Every service module, without HTTP: what a service test calls directly.
@Module({})
class ServicesModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ServicesModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(ENTITIES),
        AuthModule,
        ItemsModule,
        OutcomesModule,
        CorrectionsModule,
        ReportsModule,
        AuditModule,
        TransferModule,
        SeedModule,
      ],
    };
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

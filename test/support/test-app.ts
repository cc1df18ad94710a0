import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApp, type AppOptions } from '../../src/app.factory.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { createTestDatabase, numberedPlaceholders, type TestDatabase } from './test-database.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly dataSource: DataSource;
  readonly database: TestDatabase;
  // The SQLite file; there is none on PostgreSQL (use database.directQuery for another connection).
  readonly databasePath: string;
  readonly config: AppConfig;
  // supertest against the real HTTP server, authenticated as the bootstrap admin.
  readonly api: ReturnType<typeof request>;
  // Plain SQL through the app's own connection, with `?` placeholders on both databases.
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export interface TestAppOptions extends AppOptions {
  // A database made by createTestDatabase, which then stays the caller's to drop.
  readonly database?: TestDatabase;
}

// A real app on a fresh database built by the migrations: a temporary SQLite file, or a new
// PostgreSQL database when TEST_DATABASE_URL is set. Nothing is mocked.
export async function startTestApp(
  env: Record<string, string> = {},
  { database, ...options }: TestAppOptions = {},
): Promise<TestApp> {
  const target = database ?? (await createTestDatabase());
  const config = loadConfig({
    DATABASE_URL: target.url,
    TRACKER_ADMIN_TOKEN: ADMIN_TOKEN,
    TRACKER_SEED: 'false',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await createApp(config, options);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get<DataSource>(getDataSourceToken());
  return {
    app,
    config,
    database: target,
    get databasePath(): string {
      if (config.database.type !== 'sqlite') {
        throw new Error('databasePath: this test app runs on PostgreSQL, not on a SQLite file');
      }
      return config.database.path;
    },
    dataSource,
    api: request(app.getHttpServer()),
    query: (sql, params = []) =>
      dataSource.query(config.database.type === 'postgres' ? numberedPlaceholders(sql) : sql, params),
    close: async () => {
      await app.close();
      // A database handed in belongs to the caller.
      if (!database) {
        await target.drop();
      }
    },
  };
}

export function bearer(token: string = ADMIN_TOKEN): [string, string] {
  return ['Authorization', `Bearer ${token}`];
}

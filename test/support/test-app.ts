import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApp, type AppOptions } from '../../src/app.factory.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { createOpenApiChecker, type OpenApiChecker } from './openapi-check.mjs';
import { perSuite } from './per-suite.js';
import { createTestDatabase, numberedPlaceholders, type TestDatabase } from './test-database.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly dataSource: DataSource;
  readonly database: TestDatabase;
  // The SQLite file; there is none on PostgreSQL (use database.directQuery for another connection).
  readonly databasePath: string;
  readonly config: AppConfig;
  // supertest against the real HTTP server. Every answer is also checked against the app's own
  // /openapi.json, so a test fails when the service answers something its document does not say.
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
  const openapi = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/openapi.json' });
  const checker = createOpenApiChecker(JSON.parse(openapi.body));
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
    api: checkedAgainstDocument(request(app.getHttpServer()), checker),
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

// One app for the tests of a describe block: started before the first, closed after the last.
export function startTestAppPerSuite(env: Record<string, string> = {}, options: TestAppOptions = {}): TestApp {
  return perSuite(() => startTestApp(env, options));
}

export function bearer(token: string = ADMIN_TOKEN): [string, string] {
  return ['Authorization', `Bearer ${token}`];
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly text?: string;
  readonly body?: unknown;
}

// The same supertest agent, with a first assertion on every request it starts: the answer
// matches the OpenAPI document.
function checkedAgainstDocument(
  agent: ReturnType<typeof request>,
  checker: OpenApiChecker,
): ReturnType<typeof request> {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !HTTP_METHODS.has(property) || typeof value !== 'function') {
        return value;
      }
      return (url: string, ...rest: unknown[]) =>
        (value as (url: string, ...rest: unknown[]) => request.Test)
          .call(target, url, ...rest)
          .expect((answer: Answer) => {
            const problems = checker.check({
              method: property,
              url,
              status: answer.status,
              headers: answer.headers,
              body: answer.text ?? (Buffer.isBuffer(answer.body) ? answer.body : undefined),
            });
            if (problems.length > 0) {
              throw new Error(`The answer does not match /openapi.json:\n  ${problems.join('\n  ')}`);
            }
          });
    },
  });
}

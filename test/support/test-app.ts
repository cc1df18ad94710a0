import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApp, type AppOptions } from '../../src/app.factory.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly dataSource: DataSource;
  readonly databasePath: string;
  readonly config: AppConfig;
  // supertest against the real HTTP server, authenticated as the bootstrap admin.
  readonly api: ReturnType<typeof request>;
  close(): Promise<void>;
}

// A real app on a fresh SQLite file built by the migrations; nothing is mocked.
export async function startTestApp(env: Record<string, string> = {}, options: AppOptions = {}): Promise<TestApp> {
  const directory = mkdtempSync(join(tmpdir(), 'policy-tracker-test-'));
  const databasePath = join(directory, 'tracker.sqlite');
  const config = loadConfig({
    DATABASE_URL: `sqlite:${databasePath}`,
    TRACKER_ADMIN_TOKEN: ADMIN_TOKEN,
    TRACKER_SEED: 'false',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await createApp(config, options);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config,
    databasePath,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    api: request(app.getHttpServer()),
    close: async () => {
      await app.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export function bearer(token: string = ADMIN_TOKEN): [string, string] {
  return ['Authorization', `Bearer ${token}`];
}

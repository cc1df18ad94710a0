import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/config/app-config.js';

export interface InProcessService {
  readonly app: NestFastifyApplication;
  readonly base: string;
}

// The service on an existing SQLite file, in this process, on a free loopback port: for the bench
// scripts that time single requests rather than load. `settings`: more of the environment's
// settings (docs/operations.md).
export async function startInProcessService(
  databasePath: string,
  adminToken: string,
  settings: Readonly<Record<string, string>> = {},
): Promise<InProcessService> {
  const app = await createApp(
    loadConfig({
      ...settings,
      DATABASE_URL: `sqlite:${databasePath}`,
      TRACKER_ADMIN_TOKEN: adminToken,
      TRACKER_SEED: 'false',
      LOG_LEVEL: 'warn',
    }),
  );
  await app.listen(0, '127.0.0.1');
  return { app, base: await app.getUrl() };
}

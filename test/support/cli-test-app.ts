import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { perSuite } from './per-suite.js';
import { startTestApp, type TestApp } from './test-app.js';

export interface CliTestApp extends TestApp {
  // A scratch folder for the files the commands read and write.
  readonly directory: string;
}

// One app for a describe block of command-line tests: the commands open their own connection, so
// DATABASE_URL names the app's database while the suite runs, and is given back after it.
export function startCliTestAppPerSuite(env: Record<string, string> = {}): CliTestApp {
  return perSuite(async () => {
    const app = await startTestApp(env);
    const savedUrl = process.env.DATABASE_URL;
    const directory = mkdtempSync(join(tmpdir(), 'policy-tracker-cli-'));
    process.env.DATABASE_URL = app.database.url;
    // The app itself underneath (its getters read on demand), with the folder and a close that
    // undoes the above.
    return Object.create(app, {
      directory: { value: directory },
      close: {
        value: async () => {
          process.env.DATABASE_URL = savedUrl;
          rmSync(directory, { recursive: true, force: true });
          await app.close();
        },
      },
    }) as CliTestApp;
  });
}

#!/usr/bin/env node
// Writes the OpenAPI document the built server serves at /openapi.json (from an in-memory
// tracker, without listening) to the file named, or standard output, for the linter:
// `node scripts/openapi-document.mjs dist/openapi.json`.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import process from 'node:process';
import { buildIfStale } from './build.mjs';

buildIfStale();
const { createApp } = await import('../dist/src/app.factory.js');
const { loadConfig } = await import('../dist/src/config/app-config.js');
const app = await createApp(
  loadConfig({
    // A token of our own, so that none is printed among the document.
    DATABASE_URL: 'sqlite::memory:',
    TRACKER_SEED: 'false',
    LOG_LEVEL: 'silent',
    TRACKER_ADMIN_TOKEN: randomBytes(24).toString('hex'),
  }),
);
const response = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/openapi.json' });
await app.close();
if (response.statusCode !== 200) {
  process.stderr.write(`GET /openapi.json answered ${response.statusCode}\n`);
  process.exit(1);
}
const text = `${JSON.stringify(JSON.parse(response.body), null, 2)}\n`;
if (process.argv[2]) {
  writeFileSync(process.argv[2], text);
} else {
  process.stdout.write(text);
}

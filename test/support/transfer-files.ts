import { NestFactory } from '@nestjs/core';
import { CliModule } from '../../src/cli/cli.module.js';
import { TransferService } from '../../src/transfer/transfer.service.js';
import { makeItem, makeMeeting } from './factories.js';
import { bearer, startTestApp, type TestApp } from './test-app.js';
import { createTestDatabase } from './test-database.js';

// Through the command line's module, on a connection of its own, as `npm run cli -- export` does.
export async function withCli<T>(t: TestApp, work: (transfer: TransferService) => Promise<T>): Promise<T> {
  const context = await NestFactory.createApplicationContext(CliModule.forRoot(t.config), { logger: false });
  try {
    return await work(context.get(TransferService));
  } finally {
    await context.close();
  }
}

export async function exportLines(t: TestApp, options: { pageSize?: number } = {}): Promise<string[]> {
  const lines: string[] = [];
  await withCli(t, (transfer) =>
    transfer.exportTo(async (line) => {
      lines.push(line);
    }, options),
  );
  return lines;
}

export function importLines(t: TestApp, lines: string[]) {
  return withCli(t, (transfer) => transfer.importFrom(() => lines));
}

// A SQLite app, whichever database the suite runs on: the tracker that is moved.
export async function startSqliteApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase('sqlite');
  const t = await startTestApp(env, { database });
  return { ...t, close: () => t.close().then(() => database.drop()) };
}

// Beyond the seed: a new meeting, an item rejected there (`slug`), that transition corrected, and a
// transition of joint-threat-review agreed then retracted. Answers the item.
export async function amendSeededTracker(source: TestApp, slug?: string) {
  const meeting = await makeMeeting(source, { heldOn: '2010-12-01' });
  const item = await makeItem(source, { sourceUrl: 'https://example.org/proposal', ...(slug && { slug }) });
  await source.api
    .post(`/api/items/${item.slug}/transitions`)
    .set(...bearer())
    .send({ to: 'rejected', reason: 'No "consensus" — yet.', meeting: meeting.slug })
    .expect(200);
  // A correction and a retraction travel like any other event (v3 hashes included).
  await source.api
    .post(`/api/items/${item.slug}/history/2/correction`)
    .set(...bearer())
    .send({ note: 'The meeting before.', effectiveOn: '2010-11-30', meeting: null })
    .expect(201);
  const agreed = await source.api
    .post('/api/items/joint-threat-review/transitions')
    .set(...bearer())
    .send({ to: 'agreed', effectiveOn: '2010-11-20' })
    .expect(200);
  // The seed's positions come before it in the item's history: the transition is its latest event.
  await source.api
    .post(`/api/items/joint-threat-review/history/${agreed.body.version}/retraction`)
    .set(...bearer())
    .send({ note: 'Entered by mistake.' })
    .expect(201);
  return item;
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyOutcomesFile } from '../src/cli/outcomes.command.js';
import { makeItem, makeMeeting } from './support/factories.js';
import { signIn, type SignedIn } from './support/console-session.js';
import { ADMIN_TOKEN, startTestAppPerSuite } from './support/test-app.js';

// The console and the command line refuse what the API refuses: files nested too deep and text that
// is not UTF-8, with a 400 page or a one-line error, storing nothing.
describe('Hostile files in the console and the command line', () => {
  const t = startTestAppPerSuite({ AUTH_FAILURE_LIMIT: '1000' });
  let admin: SignedIn;
  let files: string;
  const previousUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    admin = await signIn(t, ADMIN_TOKEN);
    files = mkdtempSync(join(tmpdir(), 'hostile-files-'));
    process.env.DATABASE_URL = t.database.url;
  });
  afterAll(() => {
    process.env.DATABASE_URL = previousUrl;
    rmSync(files, { recursive: true, force: true });
  });

  // Raw bytes, as no browser would send them: superagent would re-encode them.
  const inject = (request: { method: 'POST'; url: string; headers: Record<string, string>; payload: Buffer }) =>
    (
      t.app.getHttpAdapter().getInstance() as { inject: (r: unknown) => Promise<{ statusCode: number; body: string }> }
    ).inject(request);
  const deep = (levels: number) => `{"outcomes":[${'['.repeat(levels)}${']'.repeat(levels)}]}`;
  const events = async () => Number((await t.query('SELECT COUNT(*) AS n FROM history_events'))[0].n);

  it('refuses an outcomes file nested 100,000 deep with 400, in a dry run or posted back to Apply', async () => {
    const meeting = await makeMeeting(t);
    const before = await events();
    const dryRun = await t.api
      .post(`/meetings/${meeting.slug}/outcomes`)
      .set('Cookie', admin.cookie)
      .field('_csrf', admin.csrf)
      .field('action', 'dry-run')
      .attach('outcomesFile', Buffer.from(deep(100_000)), 'outcomes.json')
      .expect(400);
    expect(dryRun.text).toContain('nests deeper than 32 levels');
    const apply = await t.api
      .post(`/meetings/${meeting.slug}/outcomes`)
      .set('Cookie', admin.cookie)
      .type('form')
      .send({
        _csrf: admin.csrf,
        action: 'apply',
        idempotencyKey: '0f0e0d0c-0b0a-4908-8706-050403020100',
        outcomes: `[${'['.repeat(100_000)}${']'.repeat(100_000)}]`,
      })
      .expect(400);
    expect(apply.text).toContain('nest deeper than 32 levels');
    expect(await events()).toBe(before);
  });

  it('refuses form fields and uploaded files that are not UTF-8 with 400, storing nothing', async () => {
    const item = await makeItem(t);
    const meeting = await makeMeeting(t);
    const before = await events();
    await t.api
      .post(`/items/${item.slug}/transition`)
      .set('Cookie', admin.cookie)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(`_csrf=${encodeURIComponent(admin.csrf)}&to=under_discussion&reason=caf%E9`)
      .expect(400);
    const raw = await inject({
      method: 'POST',
      url: `/items/${item.slug}/transition`,
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: Buffer.concat([
        Buffer.from(`_csrf=${encodeURIComponent(admin.csrf)}&to=under_discussion&reason=caf`),
        Buffer.from([0xe9]),
      ]),
    });
    expect(raw.statusCode).toBe(400);
    await t.api
      .post(`/meetings/${meeting.slug}/outcomes`)
      .set('Cookie', admin.cookie)
      .field('_csrf', admin.csrf)
      .field('action', 'dry-run')
      .attach(
        'outcomesFile',
        Buffer.from([...Buffer.from(`item,to,reason\n${item.slug},deferred,caf`), 0xe9, 0x0a]),
        'o.csv',
      )
      .expect(400);
    const part = (name: string, value: Buffer) =>
      Buffer.concat([
        Buffer.from(`--b\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`),
        value,
        Buffer.from('\r\n'),
      ]);
    const typed = await inject({
      method: 'POST',
      url: `/meetings/${meeting.slug}/outcomes`,
      headers: { cookie: admin.cookie, 'content-type': 'multipart/form-data; boundary=b' },
      payload: Buffer.concat([
        part('_csrf', Buffer.from(admin.csrf)),
        part('action', Buffer.from('dry-run')),
        part('outcome-1-reason', Buffer.from([...Buffer.from('caf'), 0xe9])),
        Buffer.from('--b--\r\n'),
      ]),
    });
    expect(typed.statusCode).toBe(400);
    expect(typed.body).toContain('outcome-1-reason must be UTF-8 text');
    expect(await events()).toBe(before);
  });

  it('gives the command line a one-line error for either, storing nothing', async () => {
    const meeting = await makeMeeting(t);
    const item = await makeItem(t);
    const before = await events();
    const deepFile = join(files, 'deep.json');
    writeFileSync(deepFile, deep(100_000));
    await expect(applyOutcomesFile(deepFile, { actor: 'cli', meeting: meeting.slug })).rejects.toThrow(
      `${deepFile} nests deeper than 32 levels`,
    );
    const latin1 = join(files, 'latin1.csv');
    writeFileSync(latin1, Buffer.from([...Buffer.from(`item,to,reason\n${item.slug},deferred,caf`), 0xe9, 0x0a]));
    await expect(applyOutcomesFile(latin1, { actor: 'cli', meeting: meeting.slug })).rejects.toThrow(
      `${latin1} is not UTF-8 text`,
    );
    expect(await events()).toBe(before);
  });
});

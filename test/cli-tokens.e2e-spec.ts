import { jest } from '@jest/globals';
import { tokensCommand } from '../src/cli/tokens.command.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

// The CLI runs in-process here, on the same database as a running app.
describe('tokens from the command line', () => {
  let t: TestApp;
  let output: string;
  const previousUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    t = await startTestApp();
    process.env.DATABASE_URL = t.database.url;
  });
  afterAll(async () => {
    process.env.DATABASE_URL = previousUrl;
    await t.close();
  });
  beforeEach(() => {
    output = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output += String(chunk);
      return true;
    });
    jest.spyOn(console, 'table').mockImplementation((rows: unknown) => {
      output += JSON.stringify(rows);
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  const run = (...args: string[]) => tokensCommand().exitOverride().parseAsync(args, { from: 'user' });

  it('creates a token whose secret works at once against the server', async () => {
    await run('create', 'cli-admin', '--role', 'admin');
    const secret = /(pt_[A-Za-z0-9_-]+)/.exec(output)?.[1];
    expect(secret).toBeDefined();
    await t.api
      .post('/api/meetings')
      .set(...bearer(secret))
      .send({ slug: 'cli-made', name: 'n', location: 'l', heldOn: '2010-11-20' })
      .expect(201);
  });

  it('lists tokens without secrets and revokes one', async () => {
    await run('create', 'cli-viewer');
    const secret = /(pt_[A-Za-z0-9_-]+)/.exec(output)?.[1] as string;
    output = '';
    await run('list');
    expect(output).toContain('cli-viewer');
    expect(output).toContain('viewer');
    expect(output).not.toContain(secret);
    await run('revoke', 'cli-viewer');
    await t.api
      .get('/api/items')
      .set(...bearer(secret))
      .expect(401);
  });

  it('refuses a bad name, a taken name and an unknown token with a clear error', async () => {
    await expect(run('create', 'bad name')).rejects.toThrow(/name may hold letters/);
    await expect(run('create', 'bootstrap')).rejects.toThrow(/exists already/);
    await expect(run('revoke', 'nobody')).rejects.toThrow(/No active token is named "nobody"/);
  });
});

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ADMIN_TOKEN, startTestAppPerSuite } from './support/test-app.js';

const run = promisify(execFile);

// Every operation's request examples work on a fresh seeded tracker, sent as the document alone
// describes them (scripts/openapi-examples-run.mjs, which CI also runs against the built server).
describe('the request examples of /openapi.json', () => {
  const t = startTestAppPerSuite({ TRACKER_SEED: 'true' });

  it('are each answered with a 2xx that matches the document, on a fresh seeded tracker', async () => {
    await t.app.listen(0, '127.0.0.1');
    const { stdout } = await run(process.execPath, ['scripts/openapi-examples-run.mjs', await t.app.getUrl()], {
      env: { ...process.env, TRACKER_ADMIN_TOKEN: ADMIN_TOKEN },
    });
    const document = (await t.api.get('/openapi.json').expect(200)).body as { paths: Record<string, object> };
    const operations = Object.values(document.paths).reduce((count, path) => count + Object.keys(path).length, 0);
    expect(stdout).toContain(`${operations} passed, 0 failed`);
    // The links carried what only an answer knows: the batch retracted is the one just applied.
    expect(stdout).not.toContain('0f6d2c9a-5b7e-4c1d-8a3f-6e2b9c4d7a10');
    expect(stdout).toMatch(/^ok GET \/api\/audit\/verify\?against=[0-9a-f]{64}%3A\d+ 200$/m);
  });
});

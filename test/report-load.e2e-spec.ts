import { ReportBuildQueue } from '../src/reports/report-build-queue.js';
import { makeItem, makeToken } from './support/factories.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

// Reports are built a few at a time (REPORT_BUILD_CONCURRENCY) with a bounded queue behind them
// (REPORT_QUEUE_LIMIT): beyond it a report is a 503 with Retry-After, and /health and item reads
// keep answering however many reports are asked for.
describe('reports under load', () => {
  let t: TestApp;
  let slug: string;
  beforeAll(async () => {
    // One client (the admin token) asks for every report here: its own limit is out of the way.
    t = await startTestApp({ REPORT_BUILD_CONCURRENCY: '1', REPORT_QUEUE_LIMIT: '4', REPORT_CLIENT_LIMIT: '100' });
    for (let index = 0; index < 60; index += 1) {
      slug = (await makeItem(t, { proposedOn: `2010-0${1 + (index % 9)}-1${index % 10}` })).slug;
    }
  });
  afterAll(async () => {
    await t.close();
  });

  // A different question per asker (asOf), so no two share a build.
  const report = (day: number) =>
    t.api
      .get(`/api/reports/status?asOf=${new Date(Date.UTC(2010, 0, 1) + day * 86_400_000).toISOString().slice(0, 10)}`)
      .set(...bearer())
      .set('Accept', 'text/html');

  it('answers /health and item reads while reports pile up, and refuses reports past the queue with 503', async () => {
    // A build that takes as long as the test wants holds the one build slot.
    let release: () => void = () => undefined;
    const held = t.app
      .get(ReportBuildQueue)
      .run('holder', () => new Promise<Buffer>((resolve) => (release = () => resolve(Buffer.from('held')))));
    let answered = 0;
    const pending = Array.from({ length: 40 }, (_, day) =>
      report(day).then((answer) => {
        answered += 1;
        return answer;
      }),
    );
    while (answered < 36) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // While four reports wait for the slot, health and item reads answer as usual.
    for (let probe = 0; probe < 5; probe += 1) {
      await t.api.get('/health').expect(200);
      await t.api
        .get(`/api/items/${slug}`)
        .set(...bearer())
        .expect(200);
    }
    release();
    await held;
    const answers = await Promise.all(pending);
    const statuses = answers.map((answer) => answer.status);
    // One slot busy and four waiting: the four are built, the 36 others told to come back.
    expect(statuses.filter((status) => status === 200)).toHaveLength(4);
    const refused = answers.filter((answer) => answer.status === 503);
    expect(refused).toHaveLength(36);
    for (const answer of refused) {
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
      expect(answer.body.type).toMatch(/report-queue-full$/);
    }
  });

  it('builds one report for many askers of the same question, so none is refused', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => report(400)));
    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 20 }, () => 200));
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
  });
});

// One token may have REPORT_CLIENT_LIMIT builds running or waiting: its next is a 429 with
// Retry-After, while another token's reports are still built.
describe('reports asked for by one token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ REPORT_BUILD_CONCURRENCY: '1', REPORT_QUEUE_LIMIT: '16', REPORT_CLIENT_LIMIT: '2' });
    await makeItem(t, { proposedOn: '2010-01-05' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses its builds beyond its limit with 429 and Retry-After, and still builds for another token', async () => {
    const greedy = await makeToken(t, 'viewer');
    const modest = await makeToken(t, 'viewer');
    let release: () => void = () => undefined;
    const held = t.app
      .get(ReportBuildQueue)
      .run('holder', () => new Promise<Buffer>((resolve) => (release = () => resolve(Buffer.from('held')))));
    // Sent at once (a supertest request goes out when awaited).
    const asked = async (token: string, day: number) =>
      await t.api.get(`/api/reports/status?asOf=2011-01-${String(day).padStart(2, '0')}`).set(...bearer(token));
    const greedyAnswers = Array.from({ length: 5 }, (_, day) => asked(greedy.token, day + 1));
    const modestAnswer = asked(modest.token, 20);
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await held;
    const statuses = (await Promise.all(greedyAnswers)).map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(2);
    const refused = (await Promise.all(greedyAnswers)).filter((answer) => answer.status === 429);
    expect(refused).toHaveLength(3);
    for (const answer of refused) {
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
      expect(answer.body.type).toMatch(/too-many-reports$/);
    }
    expect((await modestAnswer).status).toBe(200);
  });
});

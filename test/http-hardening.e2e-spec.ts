import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { makeToken } from './support/factories.js';
import { ADMIN_TOKEN, bearer, startTestApp, startTestAppPerSuite, type TestApp } from './support/test-app.js';

type Answer = { status: number; headers: Record<string, string>; body: Record<string, unknown>; text: string };

function expectProblem(response: Answer, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  expect(response.body.requestId).toBe(response.headers['x-request-id']);
}

describe('security headers', () => {
  const t = startTestAppPerSuite();

  it.each([
    ['a JSON answer', '/api/items', 200],
    ['a problem answer', '/api/nothing', 404],
    ['the health check', '/health', 200],
  ])('sends them on %s', async (_, path, status) => {
    const response = await t.api.get(path).set(...bearer());
    expect(response.status).toBe(status);
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': expect.stringContaining('max-age='),
      'cross-origin-opener-policy': 'same-origin',
      'content-security-policy': expect.stringContaining("default-src 'self'"),
    });
    expect(response.headers['x-powered-by']).toBeUndefined();
    // Served over plain HTTP unless a proxy adds TLS: upgrading would break the docs there.
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('keeps /docs working under the policy: its scripts are files from the same origin', async () => {
    const page = await t.api.get('/docs').redirects(1).expect(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, inline] of scripts) {
      expect(attributes).toMatch(/src=/);
      expect(inline.trim()).toBe('');
    }
    for (const [, attributes] of scripts) {
      const source = /src="\.\/docs\/([^"]+)"/.exec(attributes)?.[1];
      expect(source).toBeDefined();
      await t.api.get(`/docs/${source}`).expect(200);
    }
  });
});

describe('failed-authentication limit', () => {
  const t = startTestAppPerSuite({ AUTH_FAILURE_LIMIT: '3', AUTH_FAILURE_WINDOW: '60' });

  it('never counts successful or forbidden requests, then answers 429 with Retry-After after the limit', async () => {
    for (let request = 0; request < 15; request += 1) {
      await t.api
        .get('/api/items')
        .set(...bearer())
        .expect(200);
    }
    const viewer = await makeToken(t, 'viewer');
    for (let request = 0; request < 5; request += 1) {
      await t.api
        .post('/api/meetings')
        .set(...bearer(viewer.token))
        .send({})
        .expect(403);
    }
    for (const header of ['Bearer wrong-1', 'Bearer wrong-2', undefined]) {
      const call = t.api.get('/api/items');
      expectProblem(await (header ? call.set('Authorization', header) : call), 401);
    }
    const limited = await t.api.get('/api/items').set('Authorization', 'Bearer wrong-4');
    expectProblem(limited, 429);
    expect(limited.body.type).toMatch(/too-many-attempts$/);
    expect(limited.body.retryAfterSeconds).toBeUndefined();
    const retryAfter = Number(limited.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    // While the address is blocked a right guess is refused too, or the limit would not slow guessing.
    expectProblem(await t.api.get('/api/items').set(...bearer()), 429);
    // Routes without authentication are not affected.
    await t.api.get('/health').expect(200);
  });
});

describe('logs', () => {
  let t: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(
      { LOG_LEVEL: 'debug', AUTH_FAILURE_LIMIT: '2' },
      { logDestination: { write: (line: string) => lines.push(line) } },
    );
    lines.length = 0;
  });
  afterAll(async () => {
    await t.close();
  });

  it('never hold a token or the Authorization header, and every line of a request carries its id', async () => {
    const created = await makeToken(t, 'admin');
    await t.api
      .post('/api/items')
      .set(...bearer(created.token))
      .send({ slug: 'x' })
      .expect(400);
    const wrongSecret = 'pt_this-is-a-wrong-secret-0123456789abcdef';
    const failed = await t.api
      .post('/api/items')
      .set(...bearer(wrongSecret))
      .set('X-Request-Id', 'trace-failed-1')
      .send({ slug: 'x' });
    expectProblem(failed, 401);
    expect(failed.body.requestId).toBe('trace-failed-1');
    await t.api.get('/api/items').set('Authorization', 'Basic c2VjcmV0OnBhc3N3b3Jk').expect(401);
    await t.api
      .get('/api/items')
      .set(...bearer())
      .expect(429);

    const log = lines.join('');
    for (const secret of [ADMIN_TOKEN, created.token, wrongSecret, 'c2VjcmV0OnBhc3N3b3Jk']) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toMatch(/bearer /i);

    // A secret sent in the query string (as some clients do) is not logged either.
    const querySecret = 'pt_query-string-secret-0123456789abcdef';
    // (This address is over the failure limit by now: both answer 429, and both are logged.)
    await t.api.get(`/api/items?access_token=${querySecret}&limit=5`).expect(429);
    await t.api
      .get(`/api/items?limit=5&api_key=${querySecret}`)
      .set(...bearer())
      .expect(429);
    expect(lines.join('')).not.toContain(querySecret);
    const logged = lines.map((line) => JSON.parse(line) as { msg?: string; url?: string });
    expect(logged.filter((entry) => entry.msg === 'request').map((entry) => entry.url)).toEqual(
      expect.arrayContaining(['/api/items?access_token=[redacted]&limit=5', '/api/items?limit=5&api_key=[redacted]']),
    );

    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry.reqId).toEqual(expect.any(String));
    }
    // Nest's own log lines written for a request (here the guard's) carry it too.
    const failure = entries.find((entry) => entry.msg === 'authentication failed' && entry.reqId === 'trace-failed-1');
    expect(failure).toMatchObject({ context: 'Auth', tokenSent: true });
    expect(entries.filter((entry) => entry.reqId === 'trace-failed-1').map((entry) => entry.msg)).toEqual(
      expect.arrayContaining(['authentication failed', 'request']),
    );
  });
});

describe('CORS', () => {
  const preflight = (t: TestApp, origin: string) =>
    t.api
      .options('/api/items')
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization');

  describe('when CORS_ORIGINS is not set', () => {
    const t = startTestAppPerSuite();

    it('grants no origin', async () => {
      const answer = await preflight(t, 'https://tracker.example');
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      const read = await t.api
        .get('/api/items')
        .set('Origin', 'https://tracker.example')
        .set(...bearer())
        .expect(200);
      expect(read.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('when CORS_ORIGINS lists origins', () => {
    const t = startTestAppPerSuite({ CORS_ORIGINS: 'https://tracker.example, https://other.example' });

    it('grants exactly those origins', async () => {
      const allowed = await preflight(t, 'https://tracker.example');
      expect(allowed.status).toBe(204);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://tracker.example');
      expect(allowed.headers['access-control-allow-headers']).toMatch(/authorization/i);
      const read = await t.api
        .get('/api/items')
        .set('Origin', 'https://other.example')
        .set(...bearer())
        .expect(200);
      expect(read.headers['access-control-allow-origin']).toBe('https://other.example');
      const refused = await preflight(t, 'https://evil.example');
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      const fromNull = await preflight(t, 'null');
      expect(fromNull.headers['access-control-allow-origin']).toBeUndefined();
    });

    it.each(['PATCH', 'DELETE', 'POST'])(
      'lets %s through a preflight, with If-Match and Idempotency-Key',
      async (method) => {
        const answer = await t.api
          .options('/api/items/x')
          .set('Origin', 'https://tracker.example')
          .set('Access-Control-Request-Method', method)
          .set('Access-Control-Request-Headers', 'authorization, content-type, if-match, idempotency-key');
        expect(answer.status).toBe(204);
        expect(answer.headers['access-control-allow-methods']).toContain(method);
        expect(answer.headers['access-control-allow-headers']).toMatch(/if-match/i);
        expect(answer.headers['access-control-allow-headers']).toMatch(/idempotency-key/i);
      },
    );

    it('exposes ETag, Location, Retry-After and the request id to browser code', async () => {
      const read = await t.api
        .get('/api/items')
        .set('Origin', 'https://tracker.example')
        .set(...bearer())
        .expect(200);
      const exposed = String(read.headers['access-control-expose-headers']).toLowerCase();
      for (const header of ['etag', 'location', 'retry-after', 'x-request-id']) {
        expect(exposed).toContain(header);
      }
    });
  });
});

describe('requests Node refuses before Fastify sees them', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    await t.close();
  });

  const rawExchange = (request: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(request));
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
      socket.on('error', reject);
      socket.on('close', () => resolve(answer));
    });

  it.each([
    [
      'broken framing',
      'GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n{',
      400,
    ],
    ['a control character in the path', 'GET /he\u0001alth HTTP/1.1\r\nHost: x\r\n\r\n', 400],
    ['headers over 16 KiB', `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
  ])('answers %s with a problem', async (_, request, status) => {
    const answer = await rawExchange(request);
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(head).toMatch(/content-type: application\/problem\+json/i);
    const problem = JSON.parse(body) as Record<string, unknown>;
    expect(problem).toMatchObject({
      status,
      type: expect.any(String),
      title: expect.any(String),
      detail: expect.any(String),
    });
    expect(head).toContain(`x-request-id: ${String(problem.requestId)}`);
  });
});

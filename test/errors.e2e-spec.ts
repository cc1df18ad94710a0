import { bearer, startTestAppPerSuite } from './support/test-app.js';

describe('errors are problem details', () => {
  const t = startTestAppPerSuite();

  const expectProblem = (
    response: { status: number; headers: Record<string, string>; body: Record<string, unknown>; text: string },
    status: number,
  ) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status,
      type: expect.any(String),
      title: expect.any(String),
      detail: expect.any(String),
    });
    expect(response.body.requestId).toBe(response.headers['x-request-id']);
    expect(response.text).not.toMatch(/\bat .+\.(js|ts):\d+/);
  };

  it.each([
    [400, 'malformed JSON', 'application/json', '{"slug": "broken",'],
    [413, 'a body over 1 MiB', 'application/json', JSON.stringify({ summary: 'x'.repeat(1024 * 1024 + 10) })],
    [415, 'a body that is not JSON', 'text/plain', 'hello'],
  ])('answers %i for %s', async (status, _, contentType, body) => {
    const response = await t.api
      .post('/api/items')
      .set(...bearer())
      .set('Content-Type', contentType)
      .send(body);
    expectProblem(response, status);
  });

  // PostgreSQL cannot bind text holding NUL at all, so such a key must not reach the database.
  it('answers 404 for a key holding a control character, which names nothing', async () => {
    for (const [method, path] of [
      ['get', '/api/items/%00'],
      ['get', '/api/items/a%01b/history'],
      ['get', '/api/meetings/%00'],
      ['delete', '/api/tokens/%00'],
    ] as const) {
      expectProblem(await t.api[method](path).set(...bearer()), 404);
    }
  });

  it('answers 404 for an unknown route, with or without a token', async () => {
    expectProblem(await t.api.get('/api/nothing').set(...bearer()), 404);
    expectProblem(await t.api.get('/nothing'), 404);
  });

  it('keeps a sane caller request id and makes one otherwise', async () => {
    const kept = await t.api
      .get('/api/items')
      .set(...bearer())
      .set('X-Request-Id', 'abc-123');
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await t.api
      .get('/api/items')
      .set(...bearer())
      .set('X-Request-Id', 'bad id <script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

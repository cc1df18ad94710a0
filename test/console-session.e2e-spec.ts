import { makeItem, makeToken } from './support/factories.js';
import { csrfOf, signIn } from './support/console-session.js';
import { ADMIN_TOKEN, bearer, startTestApp, startTestAppPerSuite } from './support/test-app.js';

// The console's sessions and form protections, over HTTP; the browser journeys are in console-browser.
describe('Console sessions', () => {
  const t = startTestAppPerSuite({ AUTH_FAILURE_LIMIT: '1000' });

  it('leads from / to the sign-in page without a session', async () => {
    const response = await t.api.get('/').expect(303);
    expect(response.headers.location).toBe('/sign-in');
    const page = await t.api.get('/sign-in').expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<label for="token">Token</label>');
    expect(page.text).toContain('<html lang="en">');
  });

  it('sets an HttpOnly SameSite=Strict session cookie that only the server can end', async () => {
    const response = await t.api.post('/sign-in').type('form').send({ token: ADMIN_TOKEN }).expect(303);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^pt_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const session = cookie.split(';')[0];
    const page = await t.api.get('/').set('Cookie', session).expect(200);
    await t.api
      .post('/sign-out')
      .set('Cookie', session)
      .type('form')
      .send({ _csrf: csrfOf(page.text) })
      .expect(303);
    await t.api.get('/').set('Cookie', session).expect(303);
  });

  it('marks the cookie Secure when configured', async () => {
    const secure = await startTestApp({ CONSOLE_SECURE_COOKIE: 'true' });
    try {
      const response = await secure.api.post('/sign-in').type('form').send({ token: ADMIN_TOKEN }).expect(303);
      expect(String(response.headers['set-cookie'])).toMatch(/; Secure$/);
    } finally {
      await secure.close();
    }
  });

  it('refuses an unknown token with 401 and a sign-in from another site with 403', async () => {
    const page = await t.api.post('/sign-in').type('form').send({ token: 'pt_nothing' }).expect(401);
    expect(page.text).toContain('That token is unknown or has been revoked.');
    await t.api
      .post('/sign-in')
      .set('Sec-Fetch-Site', 'cross-site')
      .type('form')
      .send({ token: ADMIN_TOKEN })
      .expect(403);
  });

  it('ends a session at once when its token is revoked', async () => {
    const viewer = await makeToken(t, 'viewer');
    const session = await signIn(t, viewer.token);
    await t.api.get('/items').set('Cookie', session.cookie).expect(200);
    await t.api
      .delete(`/api/tokens/${viewer.name}`)
      .set(...bearer())
      .expect(204);
    await t.api.get('/items').set('Cookie', session.cookie).expect(303);
  });

  it('ends a session left idle longer than CONSOLE_SESSION_IDLE_MINUTES', async () => {
    const session = await signIn(t, ADMIN_TOKEN);
    await t.query('UPDATE "console_sessions" SET "last_seen_at" = ?', ['2020-01-01T00:00:00.000Z']);
    await t.api.get('/').set('Cookie', session.cookie).expect(303);
  });

  it('is served by any instance on the same database', async () => {
    const other = await startTestApp({}, { database: t.database });
    try {
      const session = await signIn(t, ADMIN_TOKEN);
      await other.api.get('/').set('Cookie', session.cookie).expect(200);
    } finally {
      await other.close();
    }
  });

  it('refuses a write without its CSRF field, and any write by a viewer, with 403, changing nothing', async () => {
    const item = await makeItem(t);
    const admin = await signIn(t, ADMIN_TOKEN);
    const viewer = await signIn(t, (await makeToken(t, 'viewer')).token);
    const move = { to: 'under_discussion', reason: 'Talks opened.', effectiveOn: '2010-10-01' };
    const url = `/items/${item.slug}/transition`;
    const refused = await t.api.post(url).set('Cookie', admin.cookie).type('form').send(move).expect(403);
    expect(refused.text).toContain('security token');
    await t.api
      .post(url)
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ ...move, _csrf: 'forged' })
      .expect(403);
    await t.api
      .post(url)
      .set('Cookie', viewer.cookie)
      .type('form')
      .send({ ...move, _csrf: viewer.csrf })
      .expect(403);
    const unchanged = await t.api
      .get(`/api/items/${item.slug}`)
      .set(...bearer())
      .expect(200);
    expect(unchanged.body).toMatchObject({ state: 'proposed', version: 1 });
    await t.api
      .post(url)
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ ...move, _csrf: admin.csrf })
      .expect(303);
    const moved = await t.api
      .get(`/api/items/${item.slug}`)
      .set(...bearer())
      .expect(200);
    expect(moved.body).toMatchObject({ state: 'under_discussion', version: 2 });
  });

  it('counts failed sign-ins toward the failed-authentication limit', async () => {
    const limited = await startTestApp({ AUTH_FAILURE_LIMIT: '2' });
    try {
      await limited.api.post('/sign-in').type('form').send({ token: 'wrong-1' }).expect(401);
      await limited.api.post('/sign-in').type('form').send({ token: 'wrong-2' }).expect(401);
      await limited.api.post('/sign-in').type('form').send({ token: ADMIN_TOKEN }).expect(429);
      await limited.api
        .get('/api/items')
        .set(...bearer())
        .expect(429);
    } finally {
      await limited.close();
    }
  });

  it('keeps the API JSON-only: a form posted to the API is 415', async () => {
    await t.api
      .post('/api/items')
      .set(...bearer())
      .type('form')
      .send({ slug: 'x' })
      .expect(415);
  });

  it('keeps the console out of the OpenAPI document', async () => {
    const document = await t.api.get('/openapi.json').expect(200);
    expect(Object.keys(document.body.paths).filter((path) => !path.startsWith('/api/') && path !== '/health')).toEqual(
      [],
    );
  });
});

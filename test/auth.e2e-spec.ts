import { historyOf, makeItem, makeToken, uniqueSlug } from './support/factories.js';
import { bearer, startTestAppPerSuite } from './support/test-app.js';

describe('auth and tokens', () => {
  const t = startTestAppPerSuite();

  it('answers /health without a token', async () => {
    const response = await t.api.get('/health').expect(200);
    expect(response.body.status).toBe('ok');
  });

  it.each([
    ['no token', undefined],
    ['an unknown token', 'Bearer not-a-real-token'],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
  ])('answers 401 problems for %s', async (_, header) => {
    const call = t.api.get('/api/items');
    const response = await (header ? call.set('Authorization', header) : call).expect(401);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    // RFC 6750: the scheme to use, and invalid_token only when a bearer token was sent.
    expect(response.headers['www-authenticate']).toMatch(/^Bearer realm="policy-tracker"/);
    if (header?.startsWith('Bearer ')) {
      expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
    } else {
      expect(response.headers['www-authenticate']).not.toContain('error=');
    }
  });

  it('refuses to revoke the last active admin token (409), and revokes an admin while another remains', async () => {
    const other = await makeToken(t, 'admin');
    await t.api
      .delete(`/api/tokens/${other.name}`)
      .set(...bearer())
      .expect(204);
    const refused = await t.api
      .delete('/api/tokens/bootstrap')
      .set(...bearer())
      .expect(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.detail).toMatch(/last active admin/);
    await t.api
      .get('/api/tokens')
      .set(...bearer())
      .expect(200);
  });

  it('lets a viewer read but not write, and a revoked token stops at once', async () => {
    const viewer = await makeToken(t, 'viewer');
    expect(viewer.token).toMatch(/^pt_[A-Za-z0-9_-]{43}$/);
    const item = await makeItem(t);
    await t.api
      .get('/api/items')
      .set(...bearer(viewer.token))
      .expect(200);
    await t.api
      .get(`/api/items/${item.slug}/history`)
      .set(...bearer(viewer.token))
      .expect(200);
    await t.api
      .post('/api/items')
      .set(...bearer(viewer.token))
      .send({})
      .expect(403);
    await t.api
      .post(`/api/items/${item.slug}/transitions`)
      .set(...bearer(viewer.token))
      .send({ to: 'agreed' })
      .expect(403);
    await t.api
      .get('/api/tokens')
      .set(...bearer(viewer.token))
      .expect(403);
    await t.api
      .delete(`/api/tokens/${viewer.name}`)
      .set(...bearer())
      .expect(204);
    await t.api
      .get('/api/items')
      .set(...bearer(viewer.token))
      .expect(401);
    await t.api
      .delete(`/api/tokens/${viewer.name}`)
      .set(...bearer())
      .expect(404);
  });

  it('lists names, roles and dates but never secrets, and refuses a taken name', async () => {
    const admin = await makeToken(t, 'admin');
    await t.api
      .post('/api/tokens')
      .set(...bearer())
      .send({ name: admin.name, role: 'viewer' })
      .expect(409);
    await t.api
      .post('/api/tokens')
      .set(...bearer())
      .send({ name: 'bad name', role: 'viewer' })
      .expect(400);
    await t.api
      .post('/api/tokens')
      .set(...bearer())
      .send({ name: uniqueSlug(), role: 'owner' })
      .expect(400);
    const list = await t.api
      .get('/api/tokens')
      .set(...bearer())
      .expect(200);
    expect(list.body.data).toContainEqual(
      expect.objectContaining({ name: admin.name, role: 'admin', revokedAt: null }),
    );
    expect(JSON.stringify(list.body)).not.toContain(admin.token);
    const stored = await t.query('SELECT secret_hash FROM api_tokens WHERE name = ?', [admin.name]);
    expect(stored[0].secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(admin.token);
  });

  it('records the token name as the actor', async () => {
    const admin = await makeToken(t, 'admin');
    const item = await makeItem(t);
    await t.api
      .post(`/api/items/${item.slug}/transitions`)
      .set(...bearer(admin.token))
      .send({ to: 'under_discussion' })
      .expect(200);
    expect((await historyOf(t, item.slug)).at(-1)?.actor).toBe(admin.name);
  });
});

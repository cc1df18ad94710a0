import { itemBody, historyOf, makeItem } from './support/factories.js';
import { bearer, startTestAppPerSuite } from './support/test-app.js';

describe('items', () => {
  const t = startTestAppPerSuite();

  it('creates an item in the initial state with Location, ETag and a created event', async () => {
    const body = itemBody({ sourceUrl: 'https://example.org/a' });
    const response = await t.api
      .post('/api/items')
      .set(...bearer())
      .send(body)
      .expect(201);
    expect(response.headers.location).toBe(`/api/items/${response.body.id}`);
    expect(response.headers.etag).toBe('"1"');
    expect(response.body).toMatchObject({ ...body, state: 'proposed', stateSince: '2010-09-22', version: 1 });
    expect(response.body.allowedTransitions).toContainEqual({ to: 'rejected', requiresReason: true });
    const events = await historyOf(t, body.slug as string);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      seq: 1,
      action: 'created',
      toState: 'proposed',
      effectiveOn: '2010-09-22',
      actor: 'bootstrap',
    });
  });

  it('reads an item by id and by slug with its ETag', async () => {
    const item = await makeItem(t);
    for (const key of [item.id, item.slug]) {
      const response = await t.api
        .get(`/api/items/${key}`)
        .set(...bearer())
        .expect(200);
      expect(response.body.id).toBe(item.id);
      expect(response.headers.etag).toBe('"1"');
    }
    await t.api
      .get('/api/items/no-such-item')
      .set(...bearer())
      .expect(404);
  });

  it('refuses a taken slug with 409 and changes nothing', async () => {
    const item = await makeItem(t);
    const response = await t.api
      .post('/api/items')
      .set(...bearer())
      .send(itemBody({ slug: item.slug, title: 'Other' }))
      .expect(409);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    const kept = await t.api
      .get(`/api/items/${item.slug}`)
      .set(...bearer())
      .expect(200);
    expect(kept.body.title).toBe(item.title);
  });

  it.each([
    ['a bad slug', { slug: 'Not A Slug' }, 'slug'],
    ['a missing title', { title: undefined }, 'title'],
    ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title'],
    ['a summary over 5,000 characters', { summary: 'x'.repeat(5001) }, 'summary'],
    ['a control character in the title', { title: 'bad\u0007title' }, 'title'],
    ['a date in another format', { proposedOn: '22/09/2010' }, 'proposedOn'],
    ['an impossible date', { proposedOn: '2010-02-30' }, 'proposedOn'],
    ['a future date', { proposedOn: '2999-01-01' }, 'proposedOn'],
    ['a field that may not be set', { state: 'agreed' }, 'state'],
    ['a source that is not a URL', { sourceUrl: 'not a url' }, 'sourceUrl'],
  ])('answers 400 naming the field for %s', async (_, overrides, field) => {
    const before = await t.api.get('/api/items?limit=1').set(...bearer());
    const response = await t.api
      .post('/api/items')
      .set(...bearer())
      .send(itemBody(overrides))
      .expect(400);
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field }));
    const after = await t.api.get('/api/items?limit=1').set(...bearer());
    expect(after.body.total).toBe(before.body.total);
  });

  describe('list', () => {
    const word = `needle${process.pid}`;
    beforeAll(async () => {
      await makeItem(t, {
        slug: `list-b-${process.pid}`,
        title: `Radar ${word} b`,
        category: 'radar',
        proposedBy: 'NATO',
      });
      await makeItem(t, { slug: `list-a-${process.pid}`, title: `Radar ${word} a`, category: 'radar' });
      await makeItem(t, { slug: `list-c-${process.pid}`, summary: `About ${word} 100%_done`, category: 'other' });
    });

    it('filters by text, category, proposer and state, with counts and pages', async () => {
      const page1 = await t.api
        .get(`/api/items?q=${word}&limit=2&sort=slug`)
        .set(...bearer())
        .expect(200);
      expect(page1.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
      expect(page1.body.data.map((i: { slug: string }) => i.slug)).toEqual([
        `list-a-${process.pid}`,
        `list-b-${process.pid}`,
      ]);
      const page2 = await t.api
        .get(`/api/items?q=${word}&limit=2&offset=2&sort=slug`)
        .set(...bearer())
        .expect(200);
      expect(page2.body.data).toHaveLength(1);
      const byCategory = await t.api
        .get(`/api/items?q=${word}&category=radar`)
        .set(...bearer())
        .expect(200);
      expect(byCategory.body.total).toBe(2);
      const byProposer = await t.api
        .get(`/api/items?q=${word}&proposedBy=NATO`)
        .set(...bearer())
        .expect(200);
      expect(byProposer.body.total).toBe(1);
      const byState = await t.api
        .get(`/api/items?q=${word}&state=agreed`)
        .set(...bearer())
        .expect(200);
      expect(byState.body.total).toBe(0);
    });

    it('sorts descending with a leading minus', async () => {
      const response = await t.api
        .get(`/api/items?q=${word}&sort=-slug`)
        .set(...bearer())
        .expect(200);
      expect(response.body.data[0].slug).toBe(`list-c-${process.pid}`);
    });

    it('treats LIKE wildcards in q as literal text, case-insensitively', async () => {
      const literal = await t.api
        .get(`/api/items?q=${encodeURIComponent('100%_DONE')}`)
        .set(...bearer())
        .expect(200);
      expect(literal.body.total).toBe(1);
      const wildcard = await t.api
        .get(`/api/items?q=${encodeURIComponent('%')}&category=radar`)
        .set(...bearer())
        .expect(200);
      expect(wildcard.body.total).toBe(0);
    });

    it.each([
      'limit=0',
      'limit=201',
      'limit=abc',
      'offset=-1',
      'state=not-a-state',
      'sort=summary',
      'sort=slug;drop',
      'colour=red',
    ])('answers 400 for %s', async (query) => {
      const response = await t.api
        .get(`/api/items?${query}`)
        .set(...bearer())
        .expect(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    });
  });

  describe('PATCH', () => {
    it('needs If-Match (428), refuses a stale one (412) and a state change (400)', async () => {
      const item = await makeItem(t);
      const patch = (body: object, ifMatch?: string) => {
        const call = t.api.patch(`/api/items/${item.slug}`).set(...bearer());
        return (ifMatch === undefined ? call : call.set('If-Match', ifMatch)).send(body);
      };
      const refusals: Array<[string | undefined, object, number]> = [
        [undefined, { title: 'New' }, 428],
        ['"7"', { title: 'New' }, 412],
        ['"1"', { state: 'agreed' }, 400],
        ['"1"', { slug: 'renamed' }, 400],
        ['"1"', {}, 400],
      ];
      for (const [ifMatch, body, status] of refusals) {
        await patch(body, ifMatch).expect(status);
      }
      // Only sourceUrl can be removed; null for a required field is refused, not a database error.
      for (const field of ['title', 'summary', 'category', 'proposedBy']) {
        const refused = await patch({ [field]: null }, '"1"').expect(400);
        expect(refused.body.errors).toEqual([expect.objectContaining({ field })]);
      }
      const unchanged = await t.api
        .get(`/api/items/${item.slug}`)
        .set(...bearer())
        .expect(200);
      expect(unchanged.body.version).toBe(1);
    });

    it('changes descriptive fields, bumps the version and records the diff', async () => {
      const item = await makeItem(t);
      const response = await t.api
        .patch(`/api/items/${item.id}`)
        .set(...bearer())
        .set('If-Match', '"1"')
        .send({ title: 'Joint radar picture', sourceUrl: 'https://example.org/b' })
        .expect(200);
      expect(response.headers.etag).toBe('"2"');
      expect(response.body).toMatchObject({ title: 'Joint radar picture', version: 2 });
      const events = await historyOf(t, item.slug);
      expect(events.map((e) => e.action)).toEqual(['created', 'updated']);
      expect(events[1].changes).toEqual({
        title: { from: 'Link early-warning radars', to: 'Joint radar picture' },
        sourceUrl: { from: null, to: 'https://example.org/b' },
      });
    });

    it('answers 404 for an unknown item', async () => {
      await t.api
        .patch('/api/items/nothing-here')
        .set(...bearer())
        .set('If-Match', '"1"')
        .send({ title: 'x' })
        .expect(404);
    });
  });
});

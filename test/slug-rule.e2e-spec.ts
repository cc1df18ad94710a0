import { itemBody, makeItem, uniqueSlug } from './support/factories.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

// A slug and an id name records in the same paths (/api/items/:key, the console's /items/:slug):
// a slug shaped like an id, or a word of the console's paths, is refused for every kind of record.
describe('slugs never collide with ids or console paths', () => {
  let t: TestApp;
  let otherId: string;
  beforeAll(async () => {
    t = await startTestApp();
    otherId = (await makeItem(t)).id;
  });
  afterAll(() => t.close());

  const bodies: Record<string, (slug: string) => Record<string, unknown>> = {
    '/api/items': (slug) => itemBody({ slug }),
    '/api/meetings': (slug) => ({ slug, name: 'Summit', location: 'Lisbon', heldOn: '2010-11-20' }),
    '/api/parties': (slug) => ({ slug, name: 'A party', kind: 'state' }),
  };

  describe.each(Object.keys(bodies))('%s', (path) => {
    it.each([
      ['another record', () => otherId],
      ['any id', () => '3f2504e0-4f89-41d3-9a0c-0305e82c3301'],
      ['the console form', () => 'new'],
    ])('refuses a slug that is %s', async (_, slug) => {
      const response = await t.api
        .post(path)
        .set(...bearer())
        .send(bodies[path](slug()))
        .expect(400);
      expect(response.body).toMatchObject({
        type: expect.stringContaining('validation'),
        errors: [
          { field: 'slug', message: expect.stringMatching(/must not be shaped like an id \(a UUID\), nor be new/) },
        ],
      });
    });

    it('still takes a slug that merely starts like one', async () => {
      await t.api
        .post(path)
        .set(...bearer())
        .send(bodies[path](`new-${uniqueSlug('x')}`))
        .expect(201);
    });
  });
});

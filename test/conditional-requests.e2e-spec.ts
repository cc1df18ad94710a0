import { makeItem } from './support/factories.js';
import { bearer, startTestAppPerSuite } from './support/test-app.js';

// If-Match as RFC 9110 reads it (API.md v1.1): strong comparison against a list of entity tags.
describe('If-Match', () => {
  const t = startTestAppPerSuite();

  const patch = (slug: string, ifMatch: string) =>
    t.api
      .patch(`/api/items/${slug}`)
      .set(...bearer())
      .set('If-Match', ifMatch)
      .send({ summary: `changed under ${ifMatch}` });

  it.each([
    ['the current tag', '"1"'],
    ['a list holding the current tag first', '"1", "2"'],
    ['a list holding the current tag later', '"7", "1"'],
    ['a list without spaces', '"9","1"'],
    ['*', '*'],
  ])('matches %s', async (_, ifMatch) => {
    const item = await makeItem(t);
    const answer = await patch(item.slug, ifMatch).expect(200);
    expect(answer.headers.etag).toBe('"2"');
  });

  it.each([
    ['a weak tag, even of the current version', 'W/"1"'],
    ['another version', '"7"'],
    ['a tag that is no version', '"abc"'],
    ['a zero-padded version', '"01"'],
    ['a list of other versions', '"2", "3"'],
  ])('refuses %s with 412', async (_, ifMatch) => {
    const item = await makeItem(t);
    const answer = await patch(item.slug, ifMatch).expect(412);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.body.detail).not.toMatch(/version -1/);
  });

  it.each([['3'], ['garbage'], ['W/3'], ['"1" "2"'], ['1"'], ['"unterminated'], [',']])(
    'refuses %s, which is not an entity tag, with 400',
    async (ifMatch) => {
      const item = await makeItem(t);
      const answer = await patch(item.slug, ifMatch).expect(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'If-Match' })]);
    },
  );

  it('applies the same rules to transitions', async () => {
    const item = await makeItem(t);
    const move = (ifMatch: string) =>
      t.api
        .post(`/api/items/${item.slug}/transitions`)
        .set(...bearer())
        .set('If-Match', ifMatch)
        .send({ to: 'under_discussion' });
    await move('garbage').expect(400);
    await move('W/"1"').expect(412);
    await move('"5", "1"').expect(200);
  });
});

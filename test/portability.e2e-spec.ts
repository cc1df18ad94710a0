import { makeItem } from './support/factories.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

// The answers that could differ between SQLite and PostgreSQL, pinned to SQLite's.
describe('the same answers on every database', () => {
  let t: TestApp;
  const word = `portable${process.pid}`;
  beforeAll(async () => {
    t = await startTestApp();
    for (const title of ['apple', 'Zebra', 'Émile', 'zebra']) {
      await makeItem(t, { title: `${title} ${word}`, summary: `Path C:\\${title}\\plan` });
    }
  });
  afterAll(async () => {
    await t.close();
  });

  async function titles(sort: string): Promise<string[]> {
    const response = await t.api
      .get(`/api/items?q=${word}&sort=${sort}`)
      .set(...bearer())
      .expect(200);
    return response.body.data.map((item: { title: string }) => item.title.split(' ')[0]);
  }

  it('sorts text by its bytes, not by the database locale', async () => {
    expect(await titles('title')).toEqual(['Zebra', 'apple', 'zebra', 'Émile']);
    expect(await titles('-title')).toEqual(['Émile', 'zebra', 'apple', 'Zebra']);
  });

  it('searches for a backslash as a literal character', async () => {
    const response = await t.api
      .get(`/api/items?q=${encodeURIComponent(`${word}`)}`)
      .set(...bearer())
      .expect(200);
    expect(response.body.total).toBe(4);
    const backslash = await t.api
      .get(`/api/items?q=${encodeURIComponent('c:\\apple\\')}`)
      .set(...bearer())
      .expect(200);
    expect(backslash.body.total).toBe(1);
  });

  it('answers counts and ids as numbers', async () => {
    const list = await t.api
      .get(`/api/items?q=${word}&limit=1`)
      .set(...bearer())
      .expect(200);
    expect(list.body.total).toBe(4);
    const history = await t.api
      .get(`/api/items/${list.body.data[0].slug}/history`)
      .set(...bearer())
      .expect(200);
    expect(typeof history.body.data[0].id).toBe('number');
    expect(history.body.data[0].seq).toBe(1);
  });
});

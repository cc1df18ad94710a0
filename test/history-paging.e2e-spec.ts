import { makeItem } from './support/factories.js';
import { HISTORY_PAGE_BYTES } from '../src/items/history-page.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

// API.md v1.1: GET /api/items/:key/history?limit=&after= answers { data, next }.
describe('history paging', () => {
  let t: TestApp;
  let item: { slug: string; id: string };
  beforeAll(async () => {
    t = await startTestApp();
    item = await makeItem(t);
    // Events 2 to 104: one more than the default page holds, and then some.
    for (let version = 1; version <= 103; version += 1) {
      await t.api
        .patch(`/api/items/${item.slug}`)
        .set(...bearer())
        .set('If-Match', `"${version}"`)
        .send({ summary: `Revision ${version}` })
        .expect(200);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (url: string) => t.api.get(url).set(...bearer());

  it('answers 100 events by default, oldest first, and a next link for the rest', async () => {
    const first = await get(`/api/items/${item.slug}/history`).expect(200);
    expect(first.body.data).toHaveLength(100);
    expect(first.body.data.map((event: { seq: number }) => event.seq)).toEqual(
      Array.from({ length: 100 }, (_, index) => index + 1),
    );
    expect(first.body.next).toBe(`/api/items/${item.slug}/history?after=100&limit=100`);
    const rest = await get(first.body.next as string).expect(200);
    expect(rest.body.data.map((event: { seq: number }) => event.seq)).toEqual([101, 102, 103, 104]);
    expect(rest.body.next).toBeNull();
  });

  it('walks the whole history by id as well as by slug, page by page, without repeats or gaps', async () => {
    const seen: number[] = [];
    let next: string | null = `/api/items/${item.id}/history?limit=30`;
    while (next) {
      const page = await get(next).expect(200);
      expect(page.body.data.length).toBeLessThanOrEqual(30);
      seen.push(...page.body.data.map((event: { seq: number }) => event.seq));
      next = page.body.next as string | null;
    }
    expect(seen).toEqual(Array.from({ length: 104 }, (_, index) => index + 1));
  });

  it('gives no next link when a page ends exactly at the last event', async () => {
    const page = await get(`/api/items/${item.slug}/history?after=100&limit=4`).expect(200);
    expect(page.body.data).toHaveLength(4);
    expect(page.body.next).toBeNull();
    const past = await get(`/api/items/${item.slug}/history?after=104`).expect(200);
    expect(past.body).toEqual({ data: [], next: null });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['limit=abc', 'limit'],
    ['after=-1', 'after'],
    ['after=1.5', 'after'],
    ['offset=3', 'offset'],
  ])('refuses %s with 400 naming the parameter', async (query, field) => {
    const answer = await get(`/api/items/${item.slug}/history?${query}`).expect(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field })]);
  });
});

// An item edited with long texts: a page ends at about HISTORY_PAGE_BYTES, whatever the limit.
describe('history paging of a fat item', () => {
  let t: TestApp;
  let slug: string;
  const edits = 150;
  beforeAll(async () => {
    t = await startTestApp();
    slug = (await makeItem(t)).slug;
    for (let version = 1; version <= edits; version += 1) {
      await t.api
        .patch(`/api/items/${slug}`)
        .set(...bearer())
        .set('If-Match', `"${version}"`)
        .send({ summary: `${version} `.padEnd(5000, 'x') })
        .expect(200);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('ends a page at about 256 KiB, with a next link, and walks every event page by page', async () => {
    const seen: number[] = [];
    let next: string | null = `/api/items/${slug}/history?limit=1000`;
    let pages = 0;
    while (next) {
      const page = await t.api
        .get(next)
        .set(...bearer())
        .expect(200);
      expect(Buffer.byteLength(page.text)).toBeLessThan(HISTORY_PAGE_BYTES + 16 * 1024);
      // Read and encoded where the reports are built (a worker thread when built), sent as JSON.
      expect(page.headers['content-type']).toBe('application/json; charset=utf-8');
      seen.push(...page.body.data.map((event: { seq: number }) => event.seq));
      next = page.body.next as string | null;
      pages += 1;
    }
    // Each edit's event holds the summary before and after it: about 10 kB.
    expect(pages).toBeGreaterThan(1);
    expect(seen).toEqual(Array.from({ length: edits + 1 }, (_, index) => index + 1));
  });

  it('answers a large page of an item that does not exist with the same 404 as any page', async () => {
    const missing = await t.api
      .get('/api/items/no-such-item/history?limit=500')
      .set(...bearer())
      .expect(404);
    expect(missing.body.type).toMatch(/item-not-found$/);
  });
});

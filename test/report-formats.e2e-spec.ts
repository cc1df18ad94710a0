import { parse } from 'csv-parse/sync';
import { makeItem, uniqueSlug } from './support/factories.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

const TITLE = 'Radars, "early warning" | <script>alert(1)</script>';
const REASON = 'Agreed in principle,\nbut "details" later | see annex';

describe('report formats', () => {
  let t: TestApp;
  let category: string;
  let slug: string;

  beforeAll(async () => {
    t = await startTestApp();
    category = uniqueSlug('formats');
    slug = (await makeItem(t, { category, title: TITLE })).slug;
    await makeItem(t, { category, title: 'Plain item' });
    await t.api
      .post(`/api/items/${slug}/transitions`)
      .set(...bearer())
      .send({ to: 'rejected', reason: REASON, effectiveOn: '2010-11-20' })
      .expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (path: string, query: Record<string, string>, accept?: string) => {
    const request = t.api
      .get(`/api/reports/${path}`)
      .query({ category, ...query })
      .set(...bearer());
    return accept === undefined ? request : request.set('Accept', accept);
  };

  it('answers CSV with a header row, one row per item, and quoting that survives commas, quotes and line breaks', async () => {
    const response = await get('status', { format: 'csv' }).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = parse<Record<string, string>>(response.text, { columns: true });
    expect(rows).toHaveLength(2);
    expect(rows.find((one) => one.slug === slug)).toEqual({
      slug,
      title: TITLE,
      category,
      proposedBy: 'United States',
      state: 'rejected',
      since: '2010-11-20',
      lastReason: REASON,
    });

    const changes = await get('changes', { from: '2010-11-01', to: '2010-11-30' }, 'text/csv').expect(200);
    expect(changes.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(parse(changes.text, { columns: true })).toEqual([
      expect.objectContaining({ item: slug, title: TITLE, fromState: 'proposed', toState: 'rejected', reason: REASON }),
    ]);
  });

  it('answers Markdown with a counts table and an items table whose cells stay cells', async () => {
    const response = await get('status', {}, 'text/markdown').expect(200);
    expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(response.text).toContain('| Rejected | 1 |');
    expect(response.text).toContain('| Total | 2 |');
    const line = response.text.split('\n').find((one) => one.startsWith(`| ${slug} |`));
    expect(line).toContain('Radars, "early warning" \\| \\<script>alert(1)\\</script>');
    expect(line).toContain('Agreed in principle,<br>but "details" later \\| see annex');
  });

  it('answers a printable HTML page that escapes user text', async () => {
    const status = await get('status', { format: 'html', asOf: '2010-11-20' }).expect(200);
    expect(status.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(status.text).toMatch(/<svg\s/);
    expect(status.text).not.toContain('<script>');
    // preact escapes the < that could open a tag; a lone > is text.
    expect(status.text).toContain('Radars, &quot;early warning&quot; | &lt;script>alert(1)&lt;/script>');
    expect(status.text).toMatch(/Rejected<\/span\s*>\s*\(1\)\s*<\/h3>/);

    const changes = await get('changes', { format: 'html', from: '2010-11-01', to: '2010-11-30' }).expect(200);
    expect(changes.text).toContain('Items per state over time');
    expect(changes.text).not.toContain('<script>');
    expect(changes.text).toContain('&lt;script>alert(1)&lt;/script>');
  });

  it('answers JSON without Accept, for */* and for JSON, and says it varies with Accept', async () => {
    for (const accept of [undefined, '*/*', 'application/json', 'application/*']) {
      const response = await get('status', {}, accept).expect(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers.vary).toMatch(/accept/i);
      expect(response.body.items).toHaveLength(2);
    }
  });

  it('lets format win over Accept', async () => {
    const response = await get('status', { format: 'md' }, 'text/csv').expect(200);
    expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
  });

  it('answers 406 for an Accept it cannot satisfy and 400 for an unknown format', async () => {
    const requests: Array<[string, Record<string, string>]> = [
      ['status', {}],
      ['changes', { from: '2010-01-01' }],
    ];
    for (const [path, query] of requests) {
      const refused = await get(path, query, 'application/pdf').expect(406);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ status: 406, title: 'Not acceptable' });
    }
    const unknown = await get('status', { format: 'pdf' }).expect(400);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.body.errors).toContainEqual(expect.objectContaining({ field: 'format' }));
  });
});

import { NestFactory } from '@nestjs/core';
import { CliModule } from '../src/cli/cli.module.js';
import { TransferService } from '../src/transfer/transfer.service.js';
import { auditVerdict, makeItem, uniqueSlug } from './support/factories.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase } from './support/test-database.js';

const FORMATS = ['json', 'csv', 'md', 'html'] as const;

// An illustrative matrix of three commitments and three members, scored at the end of an interim
// and a final monitoring period; the averages below are worked by hand.
describe('the compliance report and its editions', () => {
  let t: TestApp;
  const category = uniqueSlug('compliance');
  const items = ['1', '2', '3'].map((n) => `${category}-item-${n}`);
  const [a, b, c] = ['alpha', 'bravo', 'charlie'].map((name) => `${name}-${category.slice(-6)}`);
  let interimKnownAt: string;
  let interimBytes: Record<string, string>;
  let finalBatch: string;

  function assess(effectiveOn: string, csv: string) {
    return t.api
      .post('/api/assessments')
      .query({ effectiveOn })
      .set(...bearer())
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(200);
  }

  async function report(query: Record<string, string>, format = 'json') {
    const response = await t.api
      .get('/api/reports/compliance')
      .query({ category, format, ...query })
      .set(...bearer())
      .expect(200);
    return format === 'json' ? response.body : response.text;
  }

  async function editionReport(app: TestApp, slug: string, format: string): Promise<string> {
    const response = await app.api
      .get(`/api/editions/${slug}/report`)
      .query({ format })
      .set(...bearer())
      .expect(200);
    return response.text;
  }

  async function editionBytes(app: TestApp, slug: string): Promise<Record<string, string>> {
    const bytes: Record<string, string> = {};
    for (const format of FORMATS) {
      bytes[format] = await editionReport(app, slug, format);
    }
    return bytes;
  }

  beforeAll(async () => {
    t = await startTestApp();
    for (const slug of [a, b, c]) {
      await t.api
        .post('/api/parties')
        .set(...bearer())
        .send({ slug, name: slug, kind: 'state' })
        .expect(201);
    }
    for (const slug of items) {
      await makeItem(t, { slug, category, proposedOn: '2010-11-20' });
    }
    const [i1, i2, i3] = items;
    await assess('2011-06-30', `item,${a},${b},${c}\n${i1},+1,0,n/a\n${i2},-1,1,0\n${i3},0,+1,+1\n`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    interimKnownAt = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
  });
  afterAll(async () => {
    await t.close();
  });

  it('scores the interim matrix to the last digit: n/a left out, half away from zero, percent from the exact mean', async () => {
    const body = await report({ asOf: '2011-06-30' });
    expect(body.parties).toEqual([a, b, c]);
    expect(body.items).toEqual([
      expect.objectContaining({ slug: items[0], average: 0.5, percent: 75, scored: 2 }),
      expect.objectContaining({ slug: items[1], average: 0, percent: 50, scored: 3 }),
      expect.objectContaining({ slug: items[2], average: 0.67, percent: 83, scored: 3 }),
    ]);
    expect(body.items[0].scores).toEqual({
      [a]: { score: 1, since: '2011-06-30' },
      [b]: { score: 0, since: '2011-06-30' },
      [c]: { score: 'n/a', since: '2011-06-30' },
    });
    expect(body.members).toEqual([
      { party: a, average: 0, percent: 50, scored: 3 },
      { party: b, average: 0.67, percent: 83, scored: 3 },
      { party: c, average: 0.5, percent: 75, scored: 2 },
    ]);
    // 3/8 = 0.375: +0.38 (half away from zero); (0.375 + 1) / 2 = 68.75%: 69 (half up).
    expect(body.overall).toEqual({ average: 0.38, percent: 69, scored: 8 });
    // Before any assessment took effect, nothing is scored.
    const before = await report({ asOf: '2011-06-29' });
    expect(before.items).toEqual([]);
    expect(before.overall).toEqual({ average: null, percent: null, scored: 0 });
  });

  it('writes the CSV as the published matrix, numbers without the text prefix', async () => {
    const csv = await report({ asOf: '2011-06-30' }, 'csv');
    expect(csv).toBe(
      [
        `item,${a},${b},${c},average,percent`,
        `${items[0]},+1,0,n/a,+0.50,75`,
        `${items[1]},-1,+1,0,0.00,50`,
        `${items[2]},0,+1,+1,+0.67,83`,
        'average,0.00,+0.67,+0.50,+0.38,',
        'percent,50,83,75,,69',
        '',
      ].join('\r\n'),
    );
  });

  it('chooses and orders the columns with parties=', async () => {
    const body = await report({ asOf: '2011-06-30', parties: `${c},${a}` });
    expect(body.parties).toEqual([c, a]);
    expect(body.members.map((member: { party: string }) => member.party)).toEqual([c, a]);
    // 1 + 0 - 1 + 0 + 1 over 5 numeric cells (n/a left out): 0.2, 60%.
    expect(body.overall).toEqual({ average: 0.2, percent: 60, scored: 5 });
  });

  it('writes each score in its HTML cell and ranks the members in an SVG chart', async () => {
    const page = await report({ asOf: '2011-06-30' }, 'html');
    expect(page).toContain('<html lang="en">');
    expect(page).toMatch(/<span class="score full">\+1<\/span>/);
    expect(page).toMatch(/<span class="score na">n\/a<\/span>/);
    const chart = page.slice(page.indexOf('<svg'), page.indexOf('</svg>'));
    expect(chart).toContain('Members ranked by average compliance');
    expect(chart.indexOf(`>${b}<`)).toBeLessThan(chart.indexOf(`>${c}<`));
    expect(chart.indexOf(`>${c}<`)).toBeLessThan(chart.indexOf(`>${a}<`));
    const markdown = await report({ asOf: '2011-06-30' }, 'md');
    expect(markdown).toContain(`| ${items[0]} | +1 | 0 | n/a | +0.50 | 75 |`);
  });

  it('publishes an edition from the head of the chain; a slug already used is 409, a bad query 400', async () => {
    const head = (
      await t.api
        .get('/api/audit/head')
        .set(...bearer())
        .expect(200)
    ).body;
    const response = await t.api
      .post('/api/editions')
      .set(...bearer())
      .send({
        slug: 'interim-2011',
        title: 'Interim compliance report 2011',
        report: 'compliance',
        query: { asOf: '2011-06-30', category },
      })
      .expect(201);
    expect(response.body).toEqual({
      slug: 'interim-2011',
      title: 'Interim compliance report 2011',
      report: 'compliance',
      query: { asOf: '2011-06-30', category },
      head,
      publishedAt: expect.any(String),
      publishedBy: 'bootstrap',
    });
    interimBytes = await editionBytes(t, 'interim-2011');
    expect(interimBytes.csv).toBe(await report({ asOf: '2011-06-30' }, 'csv'));
    await t.api
      .post('/api/editions')
      .set(...bearer())
      .send({ slug: 'interim-2011', title: 'Again', report: 'compliance', query: {} })
      .expect(409);
    for (const body of [
      { slug: 'bad-report', title: 'x', report: 'nonsense', query: {} },
      { slug: 'bad-query', title: 'x', report: 'compliance', query: { asOf: 'yesterday' } },
      { slug: 'bad-known', title: 'x', report: 'status', query: { knownAt: '2011-01-01T00:00:00Z' } },
      { slug: 'bad-field', title: 'x', report: 'status', query: { divergent: 'true' } },
    ]) {
      await t.api
        .post('/api/editions')
        .set(...bearer())
        .send(body)
        .expect(400);
    }
    const list = await t.api
      .get('/api/editions')
      .set(...bearer())
      .expect(200);
    expect(list.body.data.map((edition: { slug: string }) => edition.slug)).toEqual(['interim-2011']);
    await t.api
      .get('/api/editions/no-such-edition')
      .set(...bearer())
      .expect(404);
  });

  it('takes the final scores, a correction and a retraction; knownAt still gives the interim report', async () => {
    const [i1, i2, i3] = items;
    const final = await assess('2011-12-31', `item,${a},${b},${c}\n${i1},1,1,n/a\n${i2},0,1,0\n${i3},1,1,-1\n`);
    finalBatch = final.body.batch;
    const seqOf = (item: string, party: string) =>
      final.body.results.find(
        (result: { item: string; party: string }) => result.item === item && result.party === party,
      ).seq;
    await t.api
      .post(`/api/items/${i2}/history/${seqOf(i2, a)}/correction`)
      .set(...bearer())
      .send({ note: 'The final report scores full compliance', score: 1 })
      .expect(201);
    await t.api
      .post(`/api/items/${i3}/history/${seqOf(i3, c)}/retraction`)
      .set(...bearer())
      .send({ note: 'Scored against the wrong member' })
      .expect(201);
    const body = await report({ asOf: '2011-12-31' });
    expect(body.items.map(({ slug, average, percent }: Record<string, unknown>) => [slug, average, percent])).toEqual([
      [i1, 1, 100],
      [i2, 0.67, 83],
      [i3, 1, 100],
    ]);
    // The retraction returned charlie to its interim score on item 3.
    expect(body.items[2].scores[c]).toEqual({ score: 1, since: '2011-06-30' });
    // 7/8 = 0.875: +0.88; 93.75%: 94.
    expect(body.overall).toEqual({ average: 0.88, percent: 94, scored: 8 });
    const known = await report({ asOf: '2011-12-31', knownAt: interimKnownAt });
    expect(known.overall).toEqual({ average: 0.38, percent: 69, scored: 8 });
    expect(known.knownAt).toBe(interimKnownAt);
    expect((await auditVerdict(t)).ok).toBe(true);
    expect(finalBatch).toEqual(expect.any(String));
  });

  it('compares with the interim edition, naming exactly the cells that moved', async () => {
    const body = await report({ asOf: '2011-12-31', compareTo: 'interim-2011' });
    expect(body.compareTo).toBe('interim-2011');
    expect(body.changes).toEqual([
      { item: items[0], party: b, from: 0, to: 1 },
      { item: items[1], party: a, from: -1, to: 1 },
      { item: items[2], party: a, from: 0, to: 1 },
    ]);
    expect(body.overall).toEqual({ average: 0.88, percent: 94, scored: 8, previous: { average: 0.38, percent: 69 } });
    expect(body.members[0]).toEqual({
      party: a,
      average: 1,
      percent: 100,
      scored: 3,
      previous: { average: 0, percent: 50 },
    });
    const markdown = await report({ asOf: '2011-12-31', compareTo: 'interim-2011' }, 'md');
    expect(markdown).toContain('+0.88 (94%), up from +0.38 (69%)');
    await t.api
      .get('/api/reports/compliance')
      .query({ compareTo: 'no-such-edition' })
      .set(...bearer())
      .expect(400);
  });

  it('answers an edition byte for byte the same after later writes, on another instance', async () => {
    expect(await editionBytes(t, 'interim-2011')).toEqual(interimBytes);
    const other = await startTestApp({}, { database: t.database });
    try {
      expect(await editionBytes(other, 'interim-2011')).toEqual(interimBytes);
    } finally {
      await other.app.close();
    }
  });

  it('carries editions through export and import into a fresh tracker', async () => {
    const lines: string[] = [];
    const context = await NestFactory.createApplicationContext(CliModule.forRoot(t.config), { logger: false });
    try {
      await context.get(TransferService).exportTo(async (line) => {
        lines.push(line);
      });
    } finally {
      await context.close();
    }
    expect(lines.filter((line) => line.includes('"type":"edition"'))).toHaveLength(1);
    const database = await createTestDatabase();
    const fresh = await startTestApp({}, { database });
    try {
      const target = await NestFactory.createApplicationContext(CliModule.forRoot(fresh.config), { logger: false });
      try {
        await target.get(TransferService).importFrom(() => lines);
      } finally {
        await target.close();
      }
      expect(await editionBytes(fresh, 'interim-2011')).toEqual(interimBytes);
      expect((await auditVerdict(fresh)).ok).toBe(true);
    } finally {
      await fresh.close();
      await database.drop();
    }
  });

  it('fails audit verify when an edition names a head that is not a point of the chain', async () => {
    await t.query('UPDATE editions SET head_events = head_events - 1 WHERE slug = ?', ['interim-2011']);
    const verdict = await auditVerdict(t);
    expect(verdict.ok).toBe(false);
    expect(verdict.firstProblem).toMatchObject({ kind: 'edition_mismatch' });
  });
});

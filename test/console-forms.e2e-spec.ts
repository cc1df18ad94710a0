import { csrfOf, signIn, type SignedIn } from './support/console-session.js';
import { historyOf, makeItem, makeMeeting, uniqueSlug } from './support/factories.js';
import { ADMIN_TOKEN, bearer, startTestApp, type TestApp } from './support/test-app.js';

// The console's forms over HTTP: what each one writes through the services, and how it refuses.
describe('Console forms', () => {
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signIn(t, ADMIN_TOKEN);
  });

  afterAll(async () => {
    await t.close();
  });

  const post = (path: string, form: Record<string, string>) =>
    t.api
      .post(path)
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ _csrf: admin.csrf, ...form });

  it('creates an item, refusing a taken slug with the form kept', async () => {
    const slug = uniqueSlug('console');
    const fields = {
      slug,
      title: 'Joint <b>air</b> picture',
      summary: 'Share air traffic data.',
      category: 'airspace',
      proposedBy: 'Russia',
      proposedOn: '2010-10-01',
      sourceUrl: '',
    };
    const created = await post('/items/new', fields).expect(303);
    expect(created.headers.location).toBe(`/items/${slug}`);
    const page = await t.api.get(`/items/${slug}`).set('Cookie', admin.cookie).expect(200);
    expect(page.text).toContain('Joint &lt;b>air&lt;/b> picture');
    const taken = await post('/items/new', fields).expect(409);
    expect(taken.text).toContain(`The slug &quot;${slug}&quot; is already taken.`);
    expect(taken.text).toContain('>Share air traffic data.</textarea>');
    expect(taken.text).toContain('value="Russia"');
  });

  it('explains a move the workflow refuses (409) and keeps the reason typed', async () => {
    const item = await makeItem(t);
    const refused = await post(`/items/${item.slug}/transition`, {
      to: 'implemented',
      reason: 'Too early.',
      version: '1',
    }).expect(409);
    expect(refused.text).toContain('This move is not possible: nothing was changed');
    expect(refused.text).toContain('Too early.</textarea>');
    expect((await historyOf(t, item.slug)).length).toBe(1);
  });

  it('edits the description with the version read, and shows what changed meanwhile on a conflict', async () => {
    const item = await makeItem(t, { category: 'before' });
    const fields = {
      title: item.title,
      summary: 'Connect both sides radar pictures.',
      category: 'after',
      proposedBy: 'United States',
      sourceUrl: '',
      version: '1',
    };
    await post(`/items/${item.slug}/edit`, fields).expect(303);
    const stale = await post(`/items/${item.slug}/edit`, { ...fields, category: 'again' }).expect(412);
    expect(stale.text).toContain('Changed meanwhile');
    expect(stale.text).toContain('Category: “before” → “after”');
    const history = await historyOf(t, item.slug);
    expect(history.map((event) => event.action)).toEqual(['created', 'updated']);
  });

  describe("a party's position, and corrections", () => {
    let party: string;
    beforeAll(async () => {
      party = uniqueSlug('party');
      await t.api
        .post('/api/parties')
        .set(...bearer())
        .send({ slug: party, name: 'Freedonia', kind: 'state' })
        .expect(201);
    });

    it('records a position, refusing one dated before the last with the form kept', async () => {
      const item = await makeItem(t);
      const page = await t.api.get(`/items/${item.slug}`).set('Cookie', admin.cookie).expect(200);
      expect(page.text).toContain(`<option value="${party}">Freedonia</option>`);
      const fields = { party, stance: 'conditional', statement: 'With inspections.', effectiveOn: '2010-10-05' };
      await post(`/items/${item.slug}/position`, { ...fields, version: '1' }).expect(303);
      const refused = await post(`/items/${item.slug}/position`, {
        ...fields,
        stance: 'opposes',
        effectiveOn: '2010-10-01',
        version: '2',
      }).expect(409);
      expect(refused.text).toContain(`previous position on ${item.slug}, on 2010-10-05`);
      expect(refused.text).toContain('<option value="opposes" selected>Opposes</option>');
      const shown = await t.api.get(`/items/${item.slug}`).set('Cookie', admin.cookie).expect(200);
      expect(shown.text).toContain('Freedonia: conditional since 2010-10-05 (With inspections.)');
      expect(shown.text).toContain('Position taken: Freedonia conditional');
    });

    it('corrects an event, clearing its meeting, and retracts a position, refusing one that is not the latest', async () => {
      const meeting = await makeMeeting(t, { heldOn: '2010-11-20' });
      const item = await makeItem(t);
      await post(`/items/${item.slug}/transition`, { to: 'agreed', meeting: meeting.slug, version: '1' }).expect(303);
      await post(`/items/${item.slug}/position`, { party, stance: 'supports', effectiveOn: '2010-11-20' }).expect(303);
      await post(`/items/${item.slug}/position`, { party, stance: 'opposes', effectiveOn: '2010-11-21' }).expect(303);
      const page = await t.api.get(`/items/${item.slug}`).set('Cookie', admin.cookie).expect(200);
      // Each standing event has its own actions, named with its number.
      for (const seq of [2, 3, 4]) {
        expect(page.text).toContain(`<a href="/items/${item.slug}/events/${seq}/correct">Correct event ${seq}</a>`);
        expect(page.text).toContain(`href="/items/${item.slug}/events/${seq}/retract">Retract event ${seq}</a>`);
      }
      const correct = await t.api.get(`/items/${item.slug}/events/2/correct`).set('Cookie', admin.cookie).expect(200);
      expect(correct.text).toContain('Event 2: State changed');
      await post(`/items/${item.slug}/events/2/correct`, {
        note: 'Decided in writing after the summit.',
        meeting: '(none)',
        effectiveOn: '2010-11-22',
      }).expect(303);
      const nothing = await post(`/items/${item.slug}/events/2/correct`, { note: 'No change.' });
      expect(nothing.status).toBe(400);
      expect(nothing.text).toContain('Correction: names nothing to correct');
      // Retracting asks first, and asking changes nothing.
      const confirm = await t.api.get(`/items/${item.slug}/events/3/retract`).set('Cookie', admin.cookie).expect(200);
      expect(confirm.text).toContain('<button type="submit" class="danger">Confirm retraction</button>');
      const notLatest = await post(`/items/${item.slug}/events/3/retract`, { note: 'Wrong.' });
      expect(notLatest.status).toBe(409);
      expect(notLatest.text).toContain('retract the later ones first (4)');
      expect(notLatest.text).toContain('Wrong.</textarea>');
      await post(`/items/${item.slug}/events/4/retract`, { note: 'Never said.' }).expect(303);

      const history = await historyOf(t, item.slug);
      expect(history.slice(4)).toEqual([
        expect.objectContaining({
          action: 'corrected',
          corrects: 2,
          changes: {
            effectiveOn: { from: '2010-11-20', to: '2010-11-22' },
            meeting: { from: meeting.slug, to: null },
          },
        }),
        expect.objectContaining({
          action: 'retracted',
          retracts: 4,
          changes: { stance: { from: 'opposes', to: 'supports' } },
        }),
      ]);
      const shown = await t.api.get(`/items/${item.slug}`).set('Cookie', admin.cookie).expect(200);
      expect(shown.text).toContain('Position retracted');
      expect(shown.text).toContain('Freedonia: supports since 2010-11-20');
      // A retracted event can no longer be amended.
      expect(shown.text).not.toContain('Retract event 4<');
    });
  });

  it('adds rows without JavaScript, keeping what was typed, and names every failing row at once', async () => {
    const meeting = await makeMeeting(t, { heldOn: '2010-11-20' });
    const good = await makeItem(t, { title: 'Missile defence cooperation' });
    const party = uniqueSlug('party');
    await t.api
      .post('/api/parties')
      .set(...bearer())
      .send({ slug: party, name: 'Ruritania', kind: 'state' })
      .expect(201);
    const rows = {
      'outcome-1-item': good.slug,
      'outcome-1-to': 'agreed',
      'outcome-2-item': good.slug.replace('item', 'itme'),
      'outcome-2-to': 'agreed',
      'outcome-3-item': good.slug,
      'outcome-3-to': 'flying',
      'position-1-item': 'Missile defence cooperation',
      'position-1-party': party,
      'position-1-stance': 'supports',
    };
    const added = await post(`/meetings/${meeting.slug}/outcomes`, { ...rows, action: 'add-outcome' }).expect(200);
    expect(added.text).toContain('<legend>Outcome 4</legend>');
    expect(added.text).toContain(`name="outcome-2-item" type="text" value="${good.slug.replace('item', 'itme')}"`);
    const withPosition = await post(`/meetings/${meeting.slug}/outcomes`, { ...rows, action: 'add-position' }).expect(
      200,
    );
    expect(withPosition.text).toContain('<legend>Position 2</legend>');

    const page = await post(`/meetings/${meeting.slug}/outcomes`, { ...rows, action: 'dry-run' }).expect(409);
    expect(page.text).toContain('2 rows cannot be applied: nothing was changed');
    expect(page.text).toContain('<a href="#outcome-3-item">Outcome 3: New state: must be one of');
    expect(page.text).toContain(`Did you mean “Missile defence cooperation” (${good.slug})?`);
    expect(page.text).not.toContain('>Apply</button>');
    expect((await historyOf(t, good.slug)).length).toBe(1);

    const fixed = { ...rows, 'outcome-2-item': '', 'outcome-2-to': '', 'outcome-3-to': '', 'outcome-3-item': '' };
    const preview = await post(`/meetings/${meeting.slug}/outcomes`, { ...fixed, action: 'dry-run' }).expect(200);
    expect(preview.text).toContain('1 outcome and 1 position, effective 2010-11-20');
    const outcomes = /name="outcomes" value="([^"]+)"/.exec(preview.text)?.[1]?.replace(/&quot;/g, '"') ?? '';
    const positions = /name="positions" value="([^"]+)"/.exec(preview.text)?.[1]?.replace(/&quot;/g, '"') ?? '';
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(preview.text)?.[1] ?? '';
    const applied = await post(`/meetings/${meeting.slug}/outcomes`, {
      action: 'apply',
      outcomes,
      positions,
      idempotencyKey: key,
    }).expect(200);
    expect(applied.text).toContain('1 outcome and 1 position recorded, effective 2010-11-20, as one batch: ');
    expect((await historyOf(t, good.slug)).map((event) => event.action)).toEqual([
      'created',
      'transitioned',
      'positioned',
    ]);
  });

  it('offers a CSV template that carries positions, and reads it back into rows', async () => {
    const meeting = await makeMeeting(t, { heldOn: '2010-11-20' });
    const template = await t.api
      .get(`/meetings/${meeting.slug}/outcomes/template.csv`)
      .set('Cookie', admin.cookie)
      .expect(200);
    expect(template.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(template.text.split('\r\n')[0]).toBe('item,to,reason,source,party,stance,statement');
    const filled = await t.api
      .post(`/meetings/${meeting.slug}/outcomes`)
      .set('Cookie', admin.cookie)
      .field('_csrf', admin.csrf)
      .field('action', 'dry-run')
      .attach('outcomesFile', Buffer.from(template.text), 'template.csv');
    expect(filled.text).toContain('<legend>Position 1</legend>');
    expect(filled.text).toContain('<option value="conditional" selected>Conditional</option>');
  });

  it('applies an uploaded CSV once per idempotency key, the second answer being the first', async () => {
    const meeting = await makeMeeting(t, { heldOn: '2010-11-20' });
    const item = await makeItem(t);
    const preview = await t.api
      .post(`/meetings/${meeting.slug}/outcomes`)
      .set('Cookie', admin.cookie)
      .field('_csrf', admin.csrf)
      .field('action', 'dry-run')
      .attach('outcomesFile', Buffer.from(`item,to,reason\n${item.slug},deferred,Later.\n`), 'outcomes.csv')
      .expect(200);
    const outcomes = /name="outcomes" value="([^"]+)"/.exec(preview.text)?.[1]?.replace(/&quot;/g, '"');
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(preview.text)?.[1];
    expect(JSON.parse(String(outcomes))).toEqual([{ item: item.slug, to: 'deferred', reason: 'Later.' }]);
    const apply = { action: 'apply', outcomes: String(outcomes), idempotencyKey: String(key) };
    const first = await post(`/meetings/${meeting.slug}/outcomes`, apply).expect(200);
    const second = await post(`/meetings/${meeting.slug}/outcomes`, apply).expect(200);
    // The batch is named by its meeting and when it was recorded; its id follows for reference.
    const batch = / UTC<\/time> \(reference <code>([0-9a-f-]{36})<\/code>\)/.exec(first.text)?.[1];
    expect(batch).toBeDefined();
    expect(second.text).toContain(batch);
    expect((await historyOf(t, item.slug)).map((event) => event.toState)).toEqual(['proposed', 'deferred']);
  });

  it('refuses an outcomes file for another meeting', async () => {
    const meeting = await makeMeeting(t, { heldOn: '2010-11-20' });
    const page = await t.api
      .post(`/meetings/${meeting.slug}/outcomes`)
      .set('Cookie', admin.cookie)
      .field('_csrf', admin.csrf)
      .field('action', 'dry-run')
      .attach('outcomesFile', Buffer.from('{"meeting":"elsewhere","outcomes":[{"item":"x","to":"agreed"}]}'), 'o.json')
      .expect(400);
    expect(page.text).toContain('is for the meeting &quot;elsewhere&quot;');
  });

  it('records a meeting', async () => {
    const slug = uniqueSlug('console-meeting');
    await post('/meetings', { slug, name: 'Council', location: 'Brussels', heldOn: '2011-06-09' }).expect(303);
    await t.api
      .get(`/api/meetings/${slug}`)
      .set(...bearer())
      .expect(200);
  });

  it('creates a token showing its secret once, and revokes it', async () => {
    const name = uniqueSlug('console-token');
    const created = await post('/tokens', { name, role: 'viewer' }).expect(201);
    const secret = /id="new-token-secret">(pt_[A-Za-z0-9_-]+)</.exec(created.text)?.[1];
    expect(secret).toBeDefined();
    await t.api
      .get('/api/items')
      .set(...bearer(secret))
      .expect(200);
    const list = await t.api.get('/tokens').set('Cookie', admin.cookie).expect(200);
    expect(list.text).not.toContain(secret);
    await post(`/tokens/${name}/revoke`, {}).expect(303);
    await t.api
      .get('/api/items')
      .set(...bearer(secret))
      .expect(401);
  });

  it('verifies the history, against a checkpoint too, and refuses a malformed one', async () => {
    const head = await t.api
      .get('/api/audit/head')
      .set(...bearer())
      .expect(200);
    const checkpoint = `${head.body.hash}:${head.body.events}`;
    const verified = await t.api.get(`/audit?verify=1&against=${checkpoint}`).set('Cookie', admin.cookie).expect(200);
    expect(verified.text).toContain('The history checks out');
    expect(verified.text).toContain('matches.');
    await t.api.get('/audit?verify=1&against=nonsense').set('Cookie', admin.cookie).expect(400);
  });

  it('downloads each report format', async () => {
    for (const [format, type] of [
      ['csv', 'text/csv; charset=utf-8'],
      ['md', 'text/markdown; charset=utf-8'],
      ['html', 'text/html; charset=utf-8'],
      ['json', 'application/json; charset=utf-8'],
    ]) {
      const response = await t.api
        .get(`/reports/download?report=status&asOf=2010-12-31&format=${format}`)
        .set('Cookie', admin.cookie)
        .expect(200);
      expect(response.headers['content-type']).toBe(type);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="status-2010-12-31.${format}"`);
    }
    await t.api.get('/reports/download?report=changes&format=csv').set('Cookie', admin.cookie).expect(400);
  });

  it('shows the positions report, the positions of the changes report, and a correction notice', async () => {
    const category = uniqueSlug('reports');
    const item = await makeItem(t, { category });
    const party = uniqueSlug('party');
    await t.api
      .post('/api/parties')
      .set(...bearer())
      .send({ slug: party, name: 'Ruritania', kind: 'state' })
      .expect(201);
    await post(`/items/${item.slug}/position`, { party, stance: 'opposes', effectiveOn: '2010-10-01' }).expect(303);
    await post(`/items/${item.slug}/transition`, { to: 'agreed', effectiveOn: '2010-10-02' }).expect(303);
    const published = (await historyOf(t, item.slug)).at(-1)?.recordedAt as string;
    await new Promise((resolve) => setTimeout(resolve, 5));

    const positions = await t.api
      .get(`/reports?report=positions&asOf=2010-10-01&category=${category}&divergent=false`)
      .set('Cookie', admin.cookie)
      .expect(200);
    expect(positions.text).toContain('Positions as of 2010-10-01');
    // Each party is a column under its name, each stance in words.
    expect(positions.text).toContain('<th scope="col">Ruritania</th>');
    expect(positions.text).toContain('Opposes since 2010-10-01');
    const download = await t.api
      .get(`/reports/download?report=positions&asOf=2010-10-01&category=${category}&format=csv`)
      .set('Cookie', admin.cookie)
      .expect(200);
    expect(download.headers['content-disposition']).toBe('attachment; filename="positions-2010-10-01.csv"');

    const changes = await t.api
      .get(`/reports?report=changes&from=2010-10-01&to=2010-10-31&category=${category}`)
      .set('Cookie', admin.cookie)
      .expect(200);
    expect(changes.text).toContain('Positions taken (1)');
    expect(changes.text).toContain(
      '<td data-label="Party">Ruritania</td><td data-label="Stance">No position → Opposes</td>',
    );

    await post(`/items/${item.slug}/events/3/retract`, { note: 'Not agreed after all.' }).expect(303);
    const notice = await t.api
      .get(`/reports?report=revisions&asOf=2010-10-31&revisedFrom=${encodeURIComponent(published)}`)
      .set('Cookie', admin.cookie)
      .expect(200);
    expect(notice.text).toContain('Revisions of the status as of 2010-10-31');
    expect(notice.text).toContain(`href="/items/${item.slug}"`);
    expect(notice.text).toContain('Not agreed after all.');
    await t.api.get('/reports?report=revisions&asOf=2010-10-31').set('Cookie', admin.cookie).expect(400);
  });

  it('counts the items in each state on the dashboard, styled by the stylesheet alone', async () => {
    const page = await t.api.get('/').set('Cookie', admin.cookie).expect(200);
    expect(page.text).not.toMatch(/ style=|<style/);
    for (const [state, label] of [
      ['proposed', 'Proposed'],
      ['deferred', 'Deferred'],
      ['withdrawn', 'Withdrawn'],
    ]) {
      const list = await t.api
        .get(`/api/items?state=${state}&limit=1`)
        .set(...bearer())
        .expect(200);
      expect(page.text).toContain(`<title>${label}, Now: ${list.body.total}</title>`);
    }
  });

  it('answers a bad filter with a 400 page and a broken upload with a 400 problem', async () => {
    const page = await t.api.get('/items?sort=nonsense&limit=5000').set('Cookie', admin.cookie).expect(400);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('sort');
    await t.api
      .post('/meetings/any/outcomes')
      .set('Cookie', admin.cookie)
      .set('Content-Type', 'multipart/form-data; boundary=x')
      .send('--x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\nunterminated')
      .expect(400);
  });

  it('shows the newest page of a long history, with a link to the earlier events', async () => {
    const item = await makeItem(t);
    for (let version = 1; version <= 101; version += 1) {
      await t.api
        .patch(`/api/items/${item.slug}`)
        .set(...bearer())
        .set('If-Match', `"${version}"`)
        .send({ category: `edit-${version}` })
        .expect(200);
    }
    const newest = await t.api.get(`/items/${item.slug}`).set('Cookie', admin.cookie).expect(200);
    expect(newest.text).toContain('<h3>Event 102: ');
    expect(newest.text).not.toContain('<h3>Event 2: ');
    expect(newest.text).toContain(`href="/items/${item.slug}?after=0#history-heading">Earlier events`);
    const earliest = await t.api.get(`/items/${item.slug}?after=0`).set('Cookie', admin.cookie).expect(200);
    expect(earliest.text).toContain('<h3>Event 1: ');
    expect(earliest.text).toContain(`href="/items/${item.slug}?after=100#history-heading">Later events`);
    await t.api.get(`/items/${item.slug}?after=-1`).set('Cookie', admin.cookie).expect(400);
  });

  it('answers an unknown item with a 404 page', async () => {
    const page = await t.api.get('/items/no-such-item').set('Cookie', admin.cookie).expect(404);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(csrfOf(page.text)).toBe(admin.csrf);
  });
});

import { makeItem, makeToken, uniqueSlug } from './support/factories.js';
import { csrfOf, signIn } from './support/console-session.js';
import { ADMIN_TOKEN, bearer, startTestAppPerSuite } from './support/test-app.js';

// An answer after every click: a status after each write, the refusal summary focused, and a
// confirmation before what cannot be undone.
describe('Console answers', () => {
  const t = startTestAppPerSuite({ AUTH_FAILURE_LIMIT: '1000' });

  const statusOf = (page: string) => /<div class="notice" role="status"><p>([^<]*)<\/p>/.exec(page)?.[1];

  it('says what a transition, a position and a new meeting did, once, on the page after it', async () => {
    const admin = await signIn(t, ADMIN_TOKEN);
    const item = await makeItem(t, { title: 'Share launch notifications' });
    const post = (url: string, form: Record<string, string>) =>
      t.api
        .post(url)
        .set('Cookie', admin.cookie)
        .type('form')
        .send({ _csrf: admin.csrf, ...form })
        .expect(303);
    const moved = await post(`/items/${item.slug}/transition`, { to: 'under_discussion', effectiveOn: '2010-10-01' });
    const page = await t.api.get(moved.headers.location.split('#')[0]).set('Cookie', admin.cookie).expect(200);
    expect(statusOf(page.text)).toBe('“Share launch notifications” is now Under discussion, since 2010-10-01.');
    const again = await t.api.get(`/items/${item.slug}`).set('Cookie', admin.cookie).expect(200);
    expect(statusOf(again.text)).toBeUndefined();

    const party = uniqueSlug('party');
    await t.api
      .post('/api/parties')
      .set(...bearer())
      .send({ slug: party, name: 'Freedonia', kind: 'state' })
      .expect(201);
    await post(`/items/${item.slug}/position`, { party, stance: 'conditional', effectiveOn: '2010-10-02' });
    const positioned = await t.api.get(`/items/${item.slug}`).set('Cookie', admin.cookie).expect(200);
    expect(statusOf(positioned.text)).toBe('Position recorded on “Share launch notifications”: Freedonia conditional.');

    const meeting = await post('/meetings', {
      slug: 'answers-summit',
      name: 'Answers summit',
      location: 'Lisbon',
      heldOn: '2010-11-20',
    });
    const meetingPage = await t.api.get(meeting.headers.location).set('Cookie', admin.cookie).expect(200);
    expect(statusOf(meetingPage.text)).toBe('Meeting “Answers summit” created, held on 2010-11-20.');
  });

  it('keeps a refused form as typed, with its summary taking the focus', async () => {
    const admin = await signIn(t, ADMIN_TOKEN);
    const item = await makeItem(t);
    const refused = await t.api
      .post(`/items/${item.slug}/transition`)
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ _csrf: admin.csrf, to: 'agreed', reason: 'Early.', effectiveOn: '1999-10-01', source: 'Note 7' })
      .expect(409);
    expect(refused.text).toMatch(/<div class="error-summary" role="alert" id="form-error" tabindex="-1" autofocus>/);
    expect(refused.text).toContain('value="Note 7"');
  });

  it('asks before revoking a token, and revoking changes nothing until confirmed', async () => {
    const admin = await signIn(t, ADMIN_TOKEN);
    const viewer = await makeToken(t, 'viewer');
    const list = await t.api.get('/tokens').set('Cookie', admin.cookie).expect(200);
    expect(list.text).toContain(`href="/tokens/${viewer.name}/revoke"`);
    const confirm = await t.api.get(`/tokens/${viewer.name}/revoke`).set('Cookie', admin.cookie).expect(200);
    expect(confirm.text).toContain('<button type="submit" class="danger">Confirm revocation</button>');
    expect(confirm.text).not.toContain('You are signed in with this token');
    await t.api
      .get('/api/items')
      .set(...bearer(viewer.token))
      .expect(200);
    await t.api
      .post(`/tokens/${viewer.name}/revoke`)
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ _csrf: csrfOf(confirm.text) })
      .expect(303);
    await t.api
      .get('/api/items')
      .set(...bearer(viewer.token))
      .expect(401);
    const after = await t.api.get('/tokens').set('Cookie', admin.cookie).expect(200);
    expect(statusOf(after.text)).toBe(`Token “${viewer.name}” revoked: it stopped working at once.`);
  });

  it('says so when you revoke the token you are signed in with', async () => {
    const own = await makeToken(t, 'admin');
    const session = await signIn(t, own.token);
    const confirm = await t.api.get(`/tokens/${own.name}/revoke`).set('Cookie', session.cookie).expect(200);
    expect(confirm.text).toContain('You are signed in with this token:');
    const revoked = await t.api
      .post(`/tokens/${own.name}/revoke`)
      .set('Cookie', session.cookie)
      .type('form')
      .send({ _csrf: session.csrf })
      .expect(303);
    expect(revoked.headers.location).toBe('/sign-in?ended=token-revoked');
    expect(String(revoked.headers['set-cookie'])).toContain('Max-Age=0');
    const page = await t.api.get(revoked.headers.location).expect(200);
    expect(page.text).toContain('You revoked the token you were signed in with');
  });

  it('lists every event on /activity, newest first, filtered and paged, keeping a refused filter as typed', async () => {
    const admin = await signIn(t, ADMIN_TOKEN);
    const item = await makeItem(t);
    for (let day = 1; day <= 3; day += 1) {
      await t.api
        .patch(`/api/items/${item.slug}`)
        .set(...bearer())
        .set('If-Match', `"${day}"`)
        .send({ category: `activity-${day}` })
        .expect(200);
    }
    const page = await t.api
      .get(`/activity?item=${item.slug}&action=updated&actor=bootstrap&from=&to=`)
      .set('Cookie', admin.cookie)
      .expect(200);
    const rows = page.text.match(/<tr><td data-label="Item">/g) ?? [];
    expect(rows).toHaveLength(3);
    expect(page.text).not.toContain('<td data-label="Change">Created');
    const all = await t.api.get(`/activity?item=${item.slug}`).set('Cookie', admin.cookie).expect(200);
    expect(all.text.indexOf('<td data-label="Change">Fields edited')).toBeLessThan(
      all.text.indexOf('<td data-label="Change">Created'),
    );
    expect(all.text).toContain('<td data-label="Change">Created');
    const refused = await t.api.get('/activity?from=2026-13-40&actor=someone').set('Cookie', admin.cookie).expect(400);
    expect(refused.text).toContain('Recorded from: must be a calendar date YYYY-MM-DD');
    expect(refused.text).toContain('value="someone"');
  });

  it('pages /activity by the oldest event shown', async () => {
    const admin = await signIn(t, ADMIN_TOKEN);
    const first = await t.api.get('/activity').set('Cookie', admin.cookie).expect(200);
    const older = /href="\/activity\?before=(\d+)">Older events/.exec(first.text)?.[1];
    if (older === undefined) {
      // Fewer than a page of events: nothing older.
      expect(first.text).not.toContain('Older events');
      return;
    }
    const next = await t.api.get(`/activity?before=${older}`).set('Cookie', admin.cookie).expect(200);
    expect(next.text).toContain('>Newest</a>');
  });

  it('filters the item list by party and stance, named as people know them', async () => {
    const admin = await signIn(t, ADMIN_TOKEN);
    const party = uniqueSlug('party');
    await t.api
      .post('/api/parties')
      .set(...bearer())
      .send({ slug: party, name: 'Genovia', kind: 'state' })
      .expect(201);
    const item = await makeItem(t);
    await t.api
      .post(`/api/items/${item.slug}/positions`)
      .set(...bearer())
      .send({ party, stance: 'opposes', effectiveOn: '2010-10-01' })
      .expect(200);
    const list = await t.api.get(`/items?party=${party}&stance=opposes`).set('Cookie', admin.cookie).expect(200);
    expect(list.text).toContain(`<option value="${party}" selected>Genovia</option>`);
    expect(list.text).toContain('Items 1 to 1 of 1.');
  });

  it('shows a report a hundred rows at a time, its download whole', async () => {
    const admin = await signIn(t, ADMIN_TOKEN);
    const category = uniqueSlug('paged');
    for (let count = 0; count < 101; count += 1) {
      await makeItem(t, { category });
    }
    const first = await t.api
      .get(`/reports?report=status&asOf=2010-12-31&category=${category}`)
      .set('Cookie', admin.cookie)
      .expect(200);
    expect(first.text).toContain('Rows 1 to 100 of 101.');
    const next = /href="([^"]*&amp;page=2)">Next rows/.exec(first.text)?.[1]?.replace(/&amp;/g, '&');
    expect(next).toBeDefined();
    const second = await t.api
      .get(next ?? '')
      .set('Cookie', admin.cookie)
      .expect(200);
    expect(second.text).toContain('Rows 101 to 101 of 101.');
    expect(second.text).toContain('Previous rows');
    // Each page shows its own rows of the whole report, in the report's order.
    const whole = await t.api
      .get(`/reports/download?report=status&asOf=2010-12-31&category=${category}&format=json`)
      .set('Cookie', admin.cookie)
      .expect(200);
    const slugs = (JSON.parse(whole.text) as { items: { slug: string }[] }).items.map((item) => item.slug);
    expect(second.text).toContain(`/items/${String(slugs[100])}"`);
    expect(second.text).not.toContain(`/items/${String(slugs[99])}"`);
    expect(first.text).toContain(`/items/${String(slugs[99])}"`);
    expect(first.text).not.toContain(`/items/${String(slugs[100])}"`);
    const csv = await t.api
      .get(`/reports/download?report=status&asOf=2010-12-31&category=${category}&format=csv`)
      .set('Cookie', admin.cookie)
      .expect(200);
    expect(csv.text.trim().split('\n').length).toBeGreaterThan(101);
  });

  it('serves a favicon', async () => {
    const icon = await t.api.get('/favicon.ico').expect(200);
    expect(icon.headers['content-type']).toBe('image/svg+xml');
  });

  it('gives each report kind a page of its own fields, keeps a refused one on the page, and takes instants as shown', async () => {
    const admin = await signIn(t, ADMIN_TOKEN);
    const changes = await t.api.get('/reports?report=changes').set('Cookie', admin.cookie).expect(200);
    expect(changes.text).toContain('<label for="report-from">From</label>');
    expect(changes.text).not.toContain('<label for="report-asOf">');
    const refused = await t.api
      .get('/reports?report=changes&from=2010-12-31&to=2010-11-01')
      .set('Cookie', admin.cookie)
      .expect(400);
    expect(refused.text).toContain('role="alert"');
    expect(refused.text).not.toContain('The request is not valid.</p>');
    expect(refused.text).toContain('value="2010-12-31"');
    expect(refused.text).toContain('value="2010-11-01"');
    const known = await t.api
      .get(`/reports?report=status&asOf=2010-12-31&knownAt=${encodeURIComponent('2026-01-02 03:04')}`)
      .set('Cookie', admin.cookie)
      .expect(200);
    expect(known.text).toContain('as known at 2026-01-02T03:04:00');
  });

  it("makes a new item's slug from its title when the field is left empty, and links a refusal to its field", async () => {
    const admin = await signIn(t, ADMIN_TOKEN);
    const title = `Naval incidents hotline ${uniqueSlug('x')}`;
    const fields = {
      _csrf: admin.csrf,
      title,
      slug: '',
      summary: 'A line between the fleets.',
      category: 'maritime',
      proposedBy: 'Russia',
      proposedOn: '2010-09-01',
      sourceUrl: '',
    };
    const created = await t.api.post('/items/new').set('Cookie', admin.cookie).type('form').send(fields).expect(303);
    expect(created.headers.location).toBe(`/items/${title.toLowerCase().replace(/ /g, '-')}`);
    const form = await t.api.get('/items/new').set('Cookie', admin.cookie).expect(200);
    expect(form.text).toContain('<option value="maritime"></option>');
    const refused = await t.api
      .post('/items/new')
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ ...fields, title: 'Other', proposedOn: 'someday' })
      .expect(400);
    expect(refused.text).toContain('<a href="#new-proposed-on">Proposed on: ');
  });
});

import { historyOf } from './support/factories.js';
import { bearer, startTestAppPerSuite } from './support/test-app.js';
import { SeedService } from '../src/seed/seed.service.js';

const US_ITEMS = [
  'missile-defense-cooperation',
  'early-warning-radar-linking',
  'counter-narcotics-strategy',
  'cfe-treaty-update',
  'military-transparency',
  'military-doctrines-dialogue',
];

describe('the 2010 seed', () => {
  const t = startTestAppPerSuite({ TRACKER_SEED: 'true' });

  it('loads both meetings', async () => {
    const newYork = await t.api
      .get('/api/meetings/nrc-new-york-2010')
      .set(...bearer())
      .expect(200);
    expect(newYork.body).toMatchObject({ location: 'New York', heldOn: '2010-09-22' });
    const lisbon = await t.api
      .get('/api/meetings/lisbon-summit-2010')
      .set(...bearer())
      .expect(200);
    expect(lisbon.body).toMatchObject({ location: 'Lisbon', heldOn: '2010-11-20' });
  });

  it('loads the proposals of New York with real history events by the seed actor', async () => {
    const list = await t.api
      .get('/api/items?limit=200')
      .set(...bearer())
      .expect(200);
    expect(list.body.total).toBe(8);
    for (const slug of US_ITEMS) {
      const item = list.body.data.find((i: { slug: string }) => i.slug === slug);
      expect(item).toMatchObject({ proposedBy: 'United States', proposedOn: '2010-09-22', state: 'proposed' });
      expect(item.sourceUrl).toContain('themoscowtimes.com');
      const [created] = await historyOf(t, slug);
      expect(created).toMatchObject({
        action: 'created',
        actor: 'seed',
        meeting: 'nrc-new-york-2010',
        effectiveOn: '2010-09-22',
      });
    }
    const review = list.body.data.find((i: { slug: string }) => i.slug === 'joint-threat-review');
    expect(review).toMatchObject({ proposedBy: 'NATO', state: 'proposed' });
  });

  it("records the rejection of Russia's treaty at the New York meeting, with the reason given", async () => {
    const treaty = await t.api
      .get('/api/items/european-security-treaty')
      .set(...bearer())
      .expect(200);
    expect(treaty.body).toMatchObject({
      proposedBy: 'Russia',
      proposedOn: '2009-11-29',
      state: 'rejected',
      stateSince: '2010-09-22',
      // Created, rejected, and the two positions.
      version: 4,
    });
    const events = await historyOf(t, 'european-security-treaty');
    expect(events.map((e) => e.action)).toEqual(['created', 'transitioned', 'positioned', 'positioned']);
    expect(events[1]).toMatchObject({
      toState: 'rejected',
      meeting: 'nrc-new-york-2010',
      actor: 'seed',
      effectiveOn: '2010-09-22',
    });
    expect(events[1].reason).toMatch(/not by negotiating new treaties/);
  });

  it('is idempotent and never touches a database that has items', async () => {
    const seed = t.app.get(SeedService);
    expect(await seed.seedIfEmpty()).toBe(false);
    const list = await t.api
      .get('/api/items')
      .set(...bearer())
      .expect(200);
    expect(list.body.total).toBe(8);
  });
});

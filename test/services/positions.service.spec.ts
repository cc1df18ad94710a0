import { PositionRepository } from '../../src/history/position.repository.js';
import { ItemRepository } from '../../src/items/item.repository.js';
import { ItemsService } from '../../src/items/items.service.js';
import { OutcomesService } from '../../src/outcomes/outcomes.service.js';
import { makeItem, makeMeeting, makeParty, TEST_ACTOR } from './support/factories.js';
import { startServices, type ServiceContext } from './support/service-context.js';

describe('positions through the services, on a real database', () => {
  let services: ServiceContext;
  beforeAll(async () => {
    services = await startServices();
  });
  afterAll(() => services.close());

  const manager = () => services.dataSource.manager;

  it("takes a position on the item's meeting day and reads it back as the party's current one", async () => {
    const item = await makeItem(services);
    const party = await makeParty(services);
    const meeting = await makeMeeting(services, { heldOn: '2010-10-01' });
    const answer = await services
      .get(ItemsService)
      .takePosition(item.slug, { party: party.slug, stance: 'undecided', meeting: meeting.slug }, ['"1"'], TEST_ACTOR);
    expect(answer).toMatchObject({ version: 2, positions: [{ party: party.slug, since: '2010-10-01' }] });
    expect(await services.get(PositionRepository).currentOfItem(manager(), item.id)).toEqual([
      { party: party.slug, stance: 'undecided', since: '2010-10-01', statement: null },
    ]);
    const asOf = await services.get(PositionRepository).positionsAsOf(manager(), [party.id], '2010-09-30');
    expect(asOf.get(item.id)).toBeUndefined();
  });

  it('refuses an outcomes batch whose position fails, leaving its transition unwritten', async () => {
    const item = await makeItem(services);
    const meeting = await makeMeeting(services, { heldOn: '2010-11-20' });
    const refusal = services.get(OutcomesService).apply(
      meeting.slug,
      {
        outcomes: [{ item: item.slug, to: 'agreed' }],
        positions: [{ item: item.slug, party: 'atlantis', stance: 'supports' }],
      },
      TEST_ACTOR,
    );
    await expect(refusal).rejects.toMatchObject({
      code: 'outcomes_rejected',
      extensions: { failures: [{ index: 0, party: 'atlantis', code: 'party_not_found', status: 404 }] },
    });
    expect(await services.get(ItemRepository).findByKey(manager(), item.id)).toMatchObject({
      state: 'proposed',
      version: 1,
    });
  });
});

import { DomainError } from '../../src/common/domain-error.js';
import { HistoryRepository } from '../../src/history/history.repository.js';
import { ItemRepository } from '../../src/items/item.repository.js';
import { ItemsService } from '../../src/items/items.service.js';
import { makeItem, makeMeeting, TEST_ACTOR } from './support/factories.js';
import { startServicesPerSuite } from './support/service-context.js';

describe('ItemsService on a real database', () => {
  const services = startServicesPerSuite();
  const items = () => services.get(ItemsService);

  const eventsOf = (itemId: string) =>
    services.get(HistoryRepository).eventsOfItem(services.dataSource.manager, itemId);

  it('creates an item through the writer, with its created event', async () => {
    const item = await makeItem(services, { proposedOn: '2010-10-01' });
    expect(item).toMatchObject({ state: 'proposed', stateSince: '2010-10-01', version: 1 });
    const [created] = await eventsOf(item.id);
    expect(created).toMatchObject({ action: 'created', to_state: 'proposed', effective_on: '2010-10-01' });
  });

  it('dates a transition on its meeting and links the meeting', async () => {
    const item = await makeItem(services);
    const meeting = await makeMeeting(services, { heldOn: '2010-11-20' });
    const moved = await items().transition(
      item.slug,
      { to: 'under_discussion', meeting: meeting.slug },
      ['"1"'],
      TEST_ACTOR,
    );
    expect(moved).toMatchObject({ state: 'under_discussion', stateSince: '2010-11-20', version: 2 });
    const events = await eventsOf(item.id);
    expect(events[1]).toMatchObject({ action: 'transitioned', meeting_slug: meeting.slug, effective_on: '2010-11-20' });
  });

  it('treats a reason of white space as none, and refuses the move that needs one', async () => {
    const item = await makeItem(services);
    await items().transition(item.id, { to: 'under_discussion' }, undefined, TEST_ACTOR);
    const refusal = items().transition(item.id, { to: 'rejected', reason: '   ' }, undefined, TEST_ACTOR);
    await expect(refusal).rejects.toMatchObject({ code: 'validation_failed' });
    const stored = await services.get(ItemRepository).findByKey(services.dataSource.manager, item.id);
    expect(stored).toMatchObject({ state: 'under_discussion', version: 2 });
  });

  it('checks If-Match before the meeting, and changes nothing', async () => {
    const item = await makeItem(services);
    const error: unknown = await items()
      .transition(item.slug, { to: 'under_discussion', meeting: 'no-such-meeting' }, ['"7"'], TEST_ACTOR)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'version_mismatch', extensions: { currentVersion: 1 } });
    expect(await eventsOf(item.id)).toHaveLength(1);
  });

  it('refuses an effective date in the future', async () => {
    const item = await makeItem(services);
    await expect(
      items().transition(item.slug, { to: 'under_discussion', effectiveOn: '2999-01-01' }, undefined, TEST_ACTOR),
    ).rejects.toMatchObject({ code: 'validation_failed', extensions: { errors: [{ field: 'effectiveOn' }] } });
  });
});

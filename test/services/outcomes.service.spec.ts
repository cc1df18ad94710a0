import { DomainError } from '../../src/common/domain-error.js';
import { HistoryRepository } from '../../src/history/history.repository.js';
import { OutcomesService } from '../../src/outcomes/outcomes.service.js';
import { makeItem, makeMeeting, TEST_ACTOR } from './support/factories.js';
import { startServicesPerSuite } from './support/service-context.js';

describe('OutcomesService on a real database', () => {
  const services = startServicesPerSuite();
  const outcomes = () => services.get(OutcomesService);

  const eventCount = async () => (await services.get(HistoryRepository).head(services.dataSource.manager)).events;

  it('applies every outcome on the meeting day, in one batch', async () => {
    const [first, second] = [await makeItem(services), await makeItem(services)];
    const meeting = await makeMeeting(services, { heldOn: '2010-11-20' });
    const result = await outcomes().apply(
      meeting.slug,
      {
        outcomes: [
          { item: first.slug, to: 'agreed' },
          { item: second.id, to: 'rejected', reason: 'Vetoed', expectedVersion: 1 },
        ],
      },
      TEST_ACTOR,
    );
    expect(result).toMatchObject({ meeting: meeting.slug, effectiveOn: '2010-11-20', dryRun: false });
    expect(result.outcomes.map(({ item, toState, version }) => [item, toState, version])).toEqual([
      [first.slug, 'agreed', 2],
      [second.slug, 'rejected', 2],
    ]);
    expect(result.batch).toEqual(expect.any(String));
  });

  it('lists every failing outcome with its code and status from the problem table, and writes nothing', async () => {
    const item = await makeItem(services);
    const meeting = await makeMeeting(services);
    const before = await eventCount();
    const error: unknown = await outcomes()
      .apply(
        meeting.slug,
        {
          outcomes: [
            { item: item.slug, to: 'agreed' },
            { item: 'no-such-item', to: 'agreed' },
            { item: item.id, to: 'rejected', reason: 'Twice' },
          ],
        },
        TEST_ACTOR,
      )
      .catch((caught: unknown) => caught);
    if (!(error instanceof DomainError && error.is('outcomes_rejected'))) {
      throw new Error(`expected outcomes_rejected, got ${String(error)}`);
    }
    expect(error.extensions.failures.map(({ index, code, status }) => [index, code, status])).toEqual([
      [1, 'item_not_found', 404],
      [2, 'duplicate_item', 400],
    ]);
    expect(await eventCount()).toBe(before);
  });

  it('answers a dry run without writing, and refuses a meeting not held yet', async () => {
    const item = await makeItem(services);
    const held = await makeMeeting(services);
    const before = await eventCount();
    const dry = await outcomes().apply(held.slug, { outcomes: [{ item: item.slug, to: 'agreed' }], dryRun: true }, 'x');
    expect(dry).toMatchObject({ dryRun: true, batch: null, outcomes: [{ toState: 'agreed', version: 2 }] });
    expect(await eventCount()).toBe(before);
    const future = await makeMeeting(services, { heldOn: '2999-01-01' });
    await expect(
      outcomes().apply(future.slug, { outcomes: [{ item: item.slug, to: 'agreed' }] }, TEST_ACTOR),
    ).rejects.toMatchObject({ code: 'meeting_not_held_yet', extensions: { heldOn: '2999-01-01' } });
  });
});

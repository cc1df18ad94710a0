import { DomainError } from '../../src/common/domain-error.js';
import { CorrectionsService } from '../../src/corrections/corrections.service.js';
import { ItemRepository } from '../../src/items/item.repository.js';
import { OutcomesService } from '../../src/outcomes/outcomes.service.js';
import { makeItem, makeMeeting, TEST_ACTOR } from './support/factories.js';
import { startServices, type ServiceContext } from './support/service-context.js';

describe('CorrectionsService on a real database', () => {
  let services: ServiceContext;
  let corrections: CorrectionsService;
  beforeAll(async () => {
    services = await startServices();
    corrections = services.get(CorrectionsService);
  });
  afterAll(() => services.close());

  const itemRow = (key: string) => services.get(ItemRepository).findByKey(services.dataSource.manager, key);

  async function summit() {
    const [first, second] = [await makeItem(services), await makeItem(services)];
    const meeting = await makeMeeting(services, { heldOn: '2010-11-20' });
    const applied = await services.get(OutcomesService).apply(
      meeting.slug,
      {
        outcomes: [
          { item: first.slug, to: 'agreed' },
          { item: second.slug, to: 'under_discussion' },
        ],
      },
      TEST_ACTOR,
    );
    return { first, second, meeting, batch: applied.batch ?? '' };
  }

  it('corrects a date and moves the item row with it', async () => {
    const { first } = await summit();
    const event = await corrections.correct(first.slug, 2, { note: 'Later.', effectiveOn: '2010-11-22' }, TEST_ACTOR);
    expect(event).toMatchObject({ seq: 3, action: 'corrected', corrects: 2, actor: TEST_ACTOR });
    expect(await itemRow(first.slug)).toMatchObject({ state: 'agreed', stateSince: '2010-11-22', version: 3 });
  });

  it('refuses with the domain codes of the problem table', async () => {
    const { first } = await summit();
    // One at a time, each awaited, so that no refusal goes unobserved.
    const attempts: [() => Promise<unknown>, string][] = [
      [() => corrections.correct(first.slug, 1, { note: 'x', reason: 'y' }, TEST_ACTOR), 'event_not_amendable'],
      [
        () => corrections.correct(first.slug, 2, { note: 'x', effectiveOn: '2010-01-01' }, TEST_ACTOR),
        'correction_out_of_order',
      ],
      [() => corrections.retract(first.slug, 7, 'x', TEST_ACTOR), 'event_not_found'],
      [() => corrections.retractBatch('no-such-batch', { note: 'x' }, TEST_ACTOR), 'batch_not_found'],
    ];
    for (const [attempt, code] of attempts) {
      const error = await attempt().then(
        () => undefined,
        (refused: unknown) => refused,
      );
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code });
    }
  });

  it('retracts a batch all or nothing', async () => {
    const { first, second, batch } = await summit();
    const dry = await corrections.retractBatch(batch, { note: 'Wrong file.', dryRun: true }, TEST_ACTOR);
    expect(dry).toMatchObject({ dryRun: true, batch: null });
    expect(await itemRow(first.slug)).toMatchObject({ state: 'agreed', version: 2 });
    const done = await corrections.retractBatch(batch, { note: 'Wrong file.' }, TEST_ACTOR);
    expect(done.outcomes.map(({ item, toState }) => [item, toState])).toEqual([
      [first.slug, 'proposed'],
      [second.slug, 'proposed'],
    ]);
    expect(await itemRow(second.slug)).toMatchObject({ state: 'proposed', stateSince: '2010-09-22', version: 3 });
  });
});

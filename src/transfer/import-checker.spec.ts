import { GENESIS_HASH, eventHash } from '../history/event-hash.js';
import type { ItemEntity } from '../items/item.entity.js';
import type { MeetingEntity } from '../meetings/meeting.entity.js';
import type { PartyEntity } from '../parties/party.entity.js';
import { ImportChecker } from './import-checker.js';
import type { EventRecord } from './transfer-format.js';

const meeting: MeetingEntity = {
  id: '00000000-0000-4000-8000-000000000001',
  slug: 'lisbon',
  name: 'Summit',
  location: 'Lisbon',
  heldOn: '2010-11-20',
  createdAt: '2010-01-01T00:00:00.000Z',
};
const party: PartyEntity = {
  id: '00000000-0000-4000-8000-000000000002',
  slug: 'nato',
  name: 'NATO',
  kind: 'organization',
  createdAt: meeting.createdAt,
};
const item = {
  id: '00000000-0000-4000-8000-000000000003',
  slug: 'radar',
  title: 'Radar',
  summary: 'Link radars',
  category: 'missile-defense',
  proposedBy: 'NATO',
  proposedOn: '2010-09-22',
  sourceUrl: null,
  state: 'proposed',
  stateSince: '2010-09-22',
  version: 1,
  createdAt: meeting.createdAt,
  updatedAt: meeting.createdAt,
} as ItemEntity;

// The refusals name the record, so that an operator can find it in the file.
describe('ImportChecker', () => {
  it('refuses a record whose id comes twice', () => {
    const checker = new ImportChecker();
    checker.meeting(meeting);
    checker.party(party);
    checker.item(item);
    expect(() => checker.meeting(meeting)).toThrow(`meeting ${meeting.id} appears twice`);
    expect(() => checker.party(party)).toThrow(`party ${party.id} appears twice`);
    expect(() => checker.item(item)).toThrow(`item ${item.id} appears twice`);
  });

  it('refuses a value the tracker does not know', () => {
    const checker = new ImportChecker();
    expect(() => checker.party({ ...party, kind: 'club' } as unknown as PartyEntity)).toThrow(
      'party nato field "kind" must be one of the following values: state, organization, group',
    );
    expect(() => checker.item({ ...item, state: 'done' } as unknown as ItemEntity)).toThrow(
      'item radar field "state" must be one of the following values',
    );
    checker.item(item);
    expect(() => checker.event({ ...createdEvent(), action: 'invented' } as unknown as EventRecord)).toThrow(
      'event 1 field "action" must be one of the following values',
    );
  });

  it.each([
    ['a lone surrogate in any text', { ...item, title: 'bad \ud800' }, /field "title" must be well-formed Unicode/],
    ['a slug that is no slug', { ...item, slug: '../../Bad Slug/<x>?a=b#c' }, /field "slug" must be lower-case/],
    ['a slug shaped like an id', { ...item, slug: meeting.id }, /field "slug" must not be shaped like an id/],
    ['a slug a console path uses', { ...item, slug: 'new' }, /field "slug" must not be .* new/],
    [
      'a day that is no calendar date',
      { ...item, proposedOn: '2999-99-99' },
      /field "proposedOn" must be a calendar date/,
    ],
    [
      'an address that is not http(s)',
      { ...item, sourceUrl: 'javascript:alert(1)' },
      /field "sourceUrl" must be a URL/,
    ],
    ['a title longer than the API takes', { ...item, title: 'x'.repeat(201) }, /field "title" must be 200 characters/],
  ])('refuses an item row with %s', (_, row, message) => {
    expect(() => new ImportChecker().item(row)).toThrow(message);
  });

  it('refuses a slug taken by another record of its kind', () => {
    const checker = new ImportChecker();
    checker.item(item);
    expect(() => checker.item({ ...item, id: '00000000-0000-4000-8000-000000000009' })).toThrow(
      'item slug radar is taken by another item of the file',
    );
  });

  it.each([
    ['changes that are not JSON', { changes: 'not json {' }, /field "changes" must be JSON/],
    ['changes holding a lone surrogate', { changes: '{"title":{"from":null,"to":"\\ud800"}}' }, /well-formed/],
    ['a reason holding a lone surrogate', { reason: 'bad \ud800' }, /field "reason" must be well-formed/],
    ['a date that is no calendar date', { effectiveOn: 'not-a-date' }, /field "effectiveOn" must be a calendar date/],
    ['a first event that is no creation', { action: 'updated', fromState: 'proposed' }, /not "created"/],
  ])('refuses an event with %s, its hash recomputed', (_, change, message) => {
    const checker = new ImportChecker();
    checker.item(item);
    expect(() => checker.event(sealed({ ...createdEvent(), ...change } as EventRecord))).toThrow(message);
  });
});

function createdEvent(): EventRecord {
  return sealed({
    id: 1,
    itemId: item.id,
    seq: 1,
    action: 'created',
    fromState: null,
    toState: 'proposed',
    changes: '{"slug":{"from":null,"to":"radar"}}',
    reason: null,
    effectiveOn: item.proposedOn,
    meetingId: null,
    source: null,
    batchId: null,
    actor: 'seed',
    recordedAt: item.createdAt,
    corrects: null,
    retracts: null,
    prevHash: GENESIS_HASH,
    hash: '',
    partyId: null,
    stance: null,
    score: null,
  });
}

function sealed(event: EventRecord): EventRecord {
  return { ...event, hash: eventHash(event) };
}

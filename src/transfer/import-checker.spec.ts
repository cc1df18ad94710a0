import { GENESIS_HASH } from '../history/event-hash.js';
import type { ItemEntity } from '../items/item.entity.js';
import type { MeetingEntity } from '../meetings/meeting.entity.js';
import type { PartyEntity } from '../parties/party.entity.js';
import { ImportChecker } from './import-checker.js';
import type { EventRecord } from './transfer-format.js';

const meeting: MeetingEntity = {
  id: 'meeting-1',
  slug: 'lisbon',
  name: 'Summit',
  location: 'Lisbon',
  heldOn: '2010-11-20',
  createdAt: '2010-01-01T00:00:00.000Z',
};
const party: PartyEntity = {
  id: 'party-1',
  slug: 'nato',
  name: 'NATO',
  kind: 'organization',
  createdAt: meeting.createdAt,
};
const item = {
  id: 'item-1',
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
    expect(() => checker.meeting(meeting)).toThrow('meeting meeting-1 appears twice');
    expect(() => checker.party(party)).toThrow('party party-1 appears twice');
    expect(() => checker.item(item)).toThrow('item item-1 appears twice');
  });

  it('refuses a value the tracker does not know', () => {
    const checker = new ImportChecker();
    expect(() => checker.party({ ...party, kind: 'club' } as unknown as PartyEntity)).toThrow(
      'party nato has an unknown kind "club"',
    );
    expect(() => checker.item({ ...item, state: 'done' } as unknown as ItemEntity)).toThrow(
      'item radar has an unknown state "done"',
    );
    checker.item(item);
    const event = {
      id: 1,
      itemId: item.id,
      seq: 1,
      action: 'invented',
      prevHash: GENESIS_HASH,
      meetingId: null,
      partyId: null,
      stance: null,
    } as unknown as EventRecord;
    expect(() => checker.event(event)).toThrow('event 1 has an unknown action "invented"');
  });
});

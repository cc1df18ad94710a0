import { readScore } from '../assessments/score.js';
import { GENESIS_HASH, eventHash } from '../history/event-hash.js';
import { EVENT_ACTIONS } from '../history/history-event.types.js';
import type { EditionEntity } from '../editions/edition.entity.js';
import type { ItemEntity } from '../items/item.entity.js';
import type { MeetingEntity } from '../meetings/meeting.entity.js';
import type { PartyEntity } from '../parties/party.entity.js';
import { PARTY_KINDS, isStance } from '../parties/stance.js';
import { WORKFLOW_STATES } from '../workflow/workflow.definition.js';
import { RecordError, type EventRecord, type ExportCounts } from './transfer-format.js';

interface ItemProgress {
  readonly slug: string;
  readonly version: number;
  readonly state: string;
  lastSeq: number;
  lastState: string | null;
}

// Checks an export's records as they are read, before they reach the database: the history chain
// recomputed link by link, every reference, and each item's row against the end of its history.
// Memory grows with the number of items and meetings, not of events.
export class ImportChecker {
  private readonly meetingIds = new Set<string>();
  private readonly partyIds = new Set<string>();
  private readonly items = new Map<string, ItemProgress>();
  private head = GENESIS_HASH;
  private lastEventId = 0;
  private events = 0;
  private readonly editionSlugs = new Set<string>();

  meeting(meeting: MeetingEntity): void {
    assertFirst(this.meetingIds, 'meeting', meeting.id);
    this.meetingIds.add(meeting.id);
  }

  party(party: PartyEntity): void {
    assertFirst(this.partyIds, 'party', party.id);
    assertKnown(PARTY_KINDS, party.kind, `party ${party.slug} has an unknown kind`);
    this.partyIds.add(party.id);
  }

  item(item: ItemEntity): void {
    assertFirst(this.items, 'item', item.id);
    assertKnown(WORKFLOW_STATES, item.state, `item ${item.slug} has an unknown state`);
    this.items.set(item.id, { slug: item.slug, version: item.version, state: item.state, lastSeq: 0, lastState: null });
  }

  event(event: EventRecord): void {
    if (event.id <= this.lastEventId) {
      throw new RecordError(`event ${event.id} is out of order: the events must come in increasing id order`);
    }
    const item = this.items.get(event.itemId);
    if (!item) {
      throw new RecordError(`event ${event.id} names an item that is not in the file`);
    }
    if (event.meetingId !== null && !this.meetingIds.has(event.meetingId)) {
      throw new RecordError(`event ${event.id} names a meeting that is not in the file`);
    }
    assertKnown(EVENT_ACTIONS, event.action, `event ${event.id} has an unknown action`);
    const positioned = event.action === 'positioned';
    const assessed = event.action === 'assessed';
    if (positioned ? !isStance(event.stance) : event.stance !== null) {
      throw new RecordError(`event ${event.id} must name a stance if, and only if, it is a position`);
    }
    if (assessed ? readScore(event.score) === null : event.score !== null) {
      throw new RecordError(`event ${event.id} must hold a score if, and only if, it is an assessment`);
    }
    if ((positioned || assessed) !== (event.partyId !== null)) {
      throw new RecordError(`event ${event.id} must name a party if, and only if, it is a position or an assessment`);
    }
    if (event.partyId !== null && !this.partyIds.has(event.partyId)) {
      throw new RecordError(`event ${event.id} names a party that is not in the file`);
    }
    if (event.seq !== item.lastSeq + 1) {
      throw new RecordError(`event ${event.id} is number ${event.seq} of ${item.slug}, expected ${item.lastSeq + 1}`);
    }
    if (event.prevHash !== this.head) {
      throw new RecordError(`event ${event.id} does not link to the event before it: the history chain is broken`);
    }
    if (eventHash(event) !== event.hash) {
      throw new RecordError(`event ${event.id} does not match its hash: it was changed after it was recorded`);
    }
    item.lastSeq = event.seq;
    item.lastState = event.toState;
    this.head = event.hash;
    this.lastEventId = event.id;
    this.events += 1;
  }

  edition(edition: EditionEntity): void {
    assertFirst(this.editionSlugs, 'edition', edition.slug);
    this.editionSlugs.add(edition.slug);
  }

  // Called once every record has been read; returns what was checked.
  finish(declared: ExportCounts): ExportCounts {
    for (const item of this.items.values()) {
      if (item.lastSeq !== item.version || item.lastState !== item.state) {
        throw new RecordError(
          `item ${item.slug} is at version ${item.version} (${item.state}), ` +
            `but its history ends at number ${item.lastSeq} (${item.lastState ?? 'none'})`,
        );
      }
    }
    const found: ExportCounts = {
      meetings: this.meetingIds.size,
      ...(declared.parties === undefined ? {} : { parties: this.partyIds.size }),
      items: this.items.size,
      events: this.events,
      ...(declared.editions === undefined ? {} : { editions: this.editionSlugs.size }),
      head: this.head,
    };
    const mismatch = (Object.keys(found) as (keyof ExportCounts)[]).find((key) => found[key] !== declared[key]);
    if (mismatch) {
      throw new RecordError(
        `the end line declares ${mismatch} ${declared[mismatch]}, but the file holds ${found[mismatch]}`,
      );
    }
    return found;
  }
}

// An id names one record of its kind in the file.
function assertFirst(seen: ReadonlySet<string> | ReadonlyMap<string, unknown>, kind: string, id: string): void {
  if (seen.has(id)) {
    throw new RecordError(`${kind} ${id} appears twice`);
  }
}

// A column holds one of the values the tracker knows; the file may come from anywhere.
function assertKnown(known: readonly string[], value: string, refusal: string): void {
  if (!known.includes(value)) {
    throw new RecordError(`${refusal} "${value}"`);
  }
}

import { HistoryChainCheck, type Finding } from '../audit/history-chain-check.js';
import type { EditionEntity } from '../editions/edition.entity.js';
import { GENESIS_HASH } from '../history/event-hash.js';
import type { ItemEntity } from '../items/item.entity.js';
import type { MeetingEntity } from '../meetings/meeting.entity.js';
import type { PartyEntity } from '../parties/party.entity.js';
import { checkEventFields, checkItemFields, checkMeetingFields, checkPartyFields } from './record-rules.js';
import { RecordError, type EventRecord, type ExportCounts } from './transfer-format.js';

interface ItemRow {
  readonly id: string;
  readonly slug: string;
  readonly state: string;
  readonly stateSince: string;
  readonly version: number;
}

// Checks an export's records as they are read, before they reach the database. Each record holds
// the field rules of the API (record-rules.ts) and names only records of the file; the history is
// checked by `audit verify`'s own check (the chain, and each item's timeline by the rules every
// write keeps), and each item's row against the end of its history.
// Memory grows with the number of items, meetings and standing dated events, not of events.
export class ImportChecker {
  private readonly meetingIds = new Set<string>();
  private readonly partyIds = new Set<string>();
  private readonly items = new Map<string, ItemRow>();
  // Per kind of record: a slug names one record, and never another record's id.
  private readonly slugs = { meeting: new Set<string>(), party: new Set<string>(), item: new Set<string>() };
  private readonly chain = new HistoryChainCheck();
  private lastEventId = 0;
  private readonly editionSlugs = new Set<string>();
  // Editions come after the events, so the file is checked twice: the first reading learns which
  // points of the chain the editions name (editionHeads), the second is told them and keeps those
  // hashes as the events go by, so each edition's head is checked without holding every hash.
  readonly editionHeads = new Set<number>();
  private readonly headHashes = new Map<number, string>();

  constructor(private readonly knownHeads?: ReadonlySet<number>) {}

  meeting(meeting: MeetingEntity): void {
    checkMeetingFields(meeting, `meeting ${meeting.slug}`);
    this.named('meeting', meeting, this.meetingIds);
    this.meetingIds.add(meeting.id);
  }

  party(party: PartyEntity): void {
    checkPartyFields(party, `party ${party.slug}`);
    this.named('party', party, this.partyIds);
    this.partyIds.add(party.id);
  }

  item(item: ItemEntity): void {
    checkItemFields(item, `item ${item.slug}`);
    this.named('item', item, this.items);
    const { id, slug, state, stateSince, version } = item;
    this.items.set(item.id, { id, slug, state, stateSince, version });
  }

  event(event: EventRecord): void {
    const what = `event ${event.id}`;
    checkEventFields(event, what);
    if (event.id <= this.lastEventId) {
      throw new RecordError(`${what} is out of order: the events must come in increasing id order`);
    }
    const item = this.items.get(event.itemId);
    if (!item) {
      throw new RecordError(`${what} names an item that is not in the file`);
    }
    if (event.meetingId !== null && !this.meetingIds.has(event.meetingId)) {
      throw new RecordError(`${what} names a meeting that is not in the file`);
    }
    if (event.partyId !== null && !this.partyIds.has(event.partyId)) {
      throw new RecordError(`${what} names a party that is not in the file`);
    }
    refuse(this.chain.event(event), item);
    this.lastEventId = event.id;
    if (this.knownHeads?.has(this.chain.events)) {
      this.headHashes.set(this.chain.events, event.hash);
    }
  }

  edition(edition: EditionEntity): void {
    if (this.editionSlugs.has(edition.slug)) {
      throw new RecordError(`edition ${edition.slug} appears twice`);
    }
    this.editionSlugs.add(edition.slug);
    this.editionHeads.add(edition.headEvents);
    const hash = edition.headEvents === 0 ? GENESIS_HASH : this.headHashes.get(edition.headEvents);
    if (this.knownHeads !== undefined && hash !== edition.headHash) {
      throw new RecordError(`edition ${edition.slug}: its head is not a point of the history in the file`);
    }
  }

  // Called once every record has been read; returns what was checked.
  finish(declared: ExportCounts): ExportCounts {
    for (const item of this.items.values()) {
      refuse(this.chain.item(item), item);
    }
    const found: ExportCounts = {
      meetings: this.meetingIds.size,
      ...(declared.parties === undefined ? {} : { parties: this.partyIds.size }),
      items: this.items.size,
      events: this.chain.events,
      ...(declared.editions === undefined ? {} : { editions: this.editionSlugs.size }),
      head: this.chain.head,
    };
    const mismatch = (Object.keys(found) as (keyof ExportCounts)[]).find((key) => found[key] !== declared[key]);
    if (mismatch) {
      throw new RecordError(
        `the end line declares ${mismatch} ${declared[mismatch]}, but the file holds ${found[mismatch]}`,
      );
    }
    return found;
  }

  // An id names one record of its kind in the file, a slug one record of its kind, and no slug
  // is another record's id (the field rules refuse any slug shaped like one).
  private named(
    kind: keyof ImportChecker['slugs'],
    record: { readonly id: string; readonly slug: string },
    ids: { has(id: string): boolean },
  ): void {
    if (ids.has(record.id)) {
      throw new RecordError(`${kind} ${record.id} appears twice`);
    }
    const slugs = this.slugs[kind];
    if (slugs.has(record.slug)) {
      throw new RecordError(`${kind} slug ${record.slug} is taken by another ${kind} of the file`);
    }
    slugs.add(record.slug);
  }
}

// What `audit verify` would find, as the refusal of the record that breaks it.
function refuse(finding: Finding | undefined, item: ItemRow): void {
  switch (finding?.kind) {
    case undefined:
      return;
    case 'problem':
      throw new RecordError(`item ${item.slug}: ${finding.problem.message}`);
    case 'broken_link':
      throw new RecordError(
        `event ${finding.event.id} does not link to the event before it: the history chain is broken`,
      );
    case 'seq_gap':
      throw new RecordError(
        `event ${finding.event.id} is number ${finding.event.seq} of ${item.slug}, expected ${finding.expectedSeq}`,
      );
  }
}

import { DomainError } from '../common/domain-error.js';
import type { HistoryEventEntity } from '../history/history-event.entity.js';
import type { ItemEntity } from '../items/item.entity.js';
import type { MeetingEntity } from '../meetings/meeting.entity.js';
import type { EditionEntity } from '../editions/edition.entity.js';
import type { PartyEntity } from '../parties/party.entity.js';

// An export is JSON lines, one record a line, so that writing and reading it take constant memory
// in the number of events: a header, the meetings, the items, the history events in id order,
// and an end line that counts them and names the head of the chain (a cut-off file has none).
export const EXPORT_FORMAT = 'policy-tracker-export';
// Version 2 added the parties and the party and stance of positioned events; version 3 the score of
// assessed events and the editions (after the events). Version 1 files (no parties, no positions)
// and version 2 files are still read.
export const EXPORT_VERSION = 3;
export const READABLE_VERSIONS: readonly number[] = [1, 2, 3];

export type FieldKind = 'string' | 'string|null' | 'integer' | 'integer|null';

// Every stored column, named as in the entities; `satisfies` makes a new column a compile error here.
export const MEETING_FIELDS = {
  id: 'string',
  slug: 'string',
  name: 'string',
  location: 'string',
  heldOn: 'string',
  createdAt: 'string',
} as const satisfies Record<keyof MeetingEntity, FieldKind>;

export const PARTY_FIELDS = {
  id: 'string',
  slug: 'string',
  name: 'string',
  kind: 'string',
  createdAt: 'string',
} as const satisfies Record<keyof PartyEntity, FieldKind>;

export const ITEM_FIELDS = {
  id: 'string',
  slug: 'string',
  title: 'string',
  summary: 'string',
  category: 'string',
  proposedBy: 'string',
  proposedOn: 'string',
  sourceUrl: 'string|null',
  state: 'string',
  stateSince: 'string',
  version: 'integer',
  createdAt: 'string',
  updatedAt: 'string',
} as const satisfies Record<keyof ItemEntity, FieldKind>;

export type EventRecord = Omit<HistoryEventEntity, 'item' | 'meeting' | 'party'>;

export const EVENT_FIELDS = {
  id: 'integer',
  itemId: 'string',
  seq: 'integer',
  action: 'string',
  fromState: 'string|null',
  toState: 'string|null',
  changes: 'string',
  reason: 'string|null',
  effectiveOn: 'string',
  meetingId: 'string|null',
  source: 'string|null',
  batchId: 'string|null',
  actor: 'string',
  recordedAt: 'string',
  // Added with corrections; an export made before them has neither, which reads as null.
  corrects: 'integer|null',
  retracts: 'integer|null',
  prevHash: 'string',
  hash: 'string',
  partyId: 'string|null',
  stance: 'string|null',
  // Added with assessments (version 3); earlier files have none, which reads as null.
  score: 'string|null',
} as const satisfies Record<keyof EventRecord, FieldKind>;

export interface ExportHeader {
  readonly format: string;
  readonly version: number;
  readonly exportedAt: string;
  // The database it came from, for the reader's information.
  readonly database: string;
}

export const HEADER_FIELDS = {
  format: 'string',
  version: 'integer',
  exportedAt: 'string',
  database: 'string',
} as const satisfies Record<keyof ExportHeader, FieldKind>;

export interface ExportCounts {
  readonly meetings: number;
  // Absent from version 1 files, which have no parties.
  readonly parties?: number;
  readonly items: number;
  readonly events: number;
  // Absent from files before version 3, which have no editions.
  readonly editions?: number;
  // The hash of the newest event: it commits to the whole history.
  readonly head: string;
}

export const END_FIELDS = {
  meetings: 'integer',
  parties: 'integer',
  items: 'integer',
  events: 'integer',
  editions: 'integer',
  head: 'string',
} as const satisfies Record<keyof ExportCounts, FieldKind>;
export const VERSION_2_END_FIELDS = {
  meetings: 'integer',
  parties: 'integer',
  items: 'integer',
  events: 'integer',
  head: 'string',
} as const satisfies Record<Exclude<keyof ExportCounts, 'editions'>, FieldKind>;

// What a version 1 file leaves out: no parties, so no event names one.
export const VERSION_1_END_FIELDS = {
  meetings: 'integer',
  items: 'integer',
  events: 'integer',
  head: 'string',
} as const satisfies Record<Exclude<keyof ExportCounts, 'parties' | 'editions'>, FieldKind>;
// What an event of each older version leaves out: version 1 has no parties, so no event names one;
// version 2 no assessments (and no editions).
export const EVENT_DEFAULTS_BEFORE: Readonly<Record<number, object>> = {
  1: { partyId: null, stance: null, score: null },
  2: { score: null },
};

// An edition as stored: its record, the head it was published from, and its report's bytes.
export const EDITION_FIELDS = {
  slug: 'string',
  title: 'string',
  report: 'string',
  query: 'string',
  headHash: 'string',
  headEvents: 'integer',
  publishedAt: 'string',
  publishedBy: 'string',
  json: 'string',
  csv: 'string',
  md: 'string',
  html: 'string',
} as const satisfies Record<keyof EditionEntity, FieldKind>;

export class RecordError extends Error {}

// The lines of an export file, as read.
export type FileLines = AsyncIterable<string> | Iterable<string>;

// A refused file, named where it goes wrong (`line 12: ...`), in one line.
export function refused(where: string, message: string): DomainError {
  return DomainError.validation([{ field: where, message }], `${where}: ${message} (nothing was imported)`);
}

// The record's own fields, each of the declared kind, and nothing else.
export function readRecord<T>(raw: Record<string, unknown>, fields: Record<keyof T, FieldKind>, what: string): T {
  for (const key of Object.keys(raw)) {
    if (key !== 'type' && !(key in fields)) {
      throw new RecordError(`${what} has an unknown field "${key}"`);
    }
  }
  for (const [key, kind] of Object.entries<FieldKind>(fields)) {
    if (kind === 'integer|null' && raw[key] === undefined) {
      raw[key] = null;
    }
    if (!hasKind(raw[key], kind)) {
      throw new RecordError(
        `${what} field "${key}" must be ${kind.endsWith('|null') ? `a ${kind.slice(0, -5)} or null` : `a ${kind}`}`,
      );
    }
  }
  return pickFields(raw as T, fields);
}

function hasKind(value: unknown, kind: FieldKind): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'string|null':
      return value === null || typeof value === 'string';
    case 'integer':
      return Number.isSafeInteger(value);
    case 'integer|null':
      return value === null || Number.isSafeInteger(value);
  }
}

// The declared fields of a row, in their declared order.
export function pickFields<T>(row: T, fields: Record<keyof T, FieldKind>): T {
  return Object.fromEntries(Object.keys(fields).map((key) => [key, row[key as keyof T]])) as T;
}

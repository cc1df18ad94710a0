import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { nowIso } from '../common/calendar-date.js';
import { DomainError } from '../common/domain-error.js';
import { byteOrder } from '../database/byte-order.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { HistoryEventEntity } from '../history/history-event.entity.js';
import { GENESIS_HASH } from '../history/event-hash.js';
import { ItemEntity } from '../items/item.entity.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { PartyEntity } from '../parties/party.entity.js';
import { ImportChecker } from './import-checker.js';
import {
  END_FIELDS,
  EVENT_FIELDS,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  HEADER_FIELDS,
  ITEM_FIELDS,
  MEETING_FIELDS,
  PARTY_FIELDS,
  READABLE_VERSIONS,
  RecordError,
  VERSION_1_END_FIELDS,
  VERSION_1_EVENT_DEFAULTS,
  pickFields,
  readRecord,
  type EventRecord,
  type ExportCounts,
  type ExportHeader,
} from './transfer-format.js';

const PAGE_SIZE = 500;

type Row = ObjectLiteral & { id: string | number };
// Rows per INSERT: well under both databases' limits on bound parameters.
const INSERT_BATCH = 100;

// The kinds of records in the order they must come.
const SECTIONS = ['header', 'meeting', 'party', 'item', 'event', 'end'] as const;
type Section = (typeof SECTIONS)[number];

interface Table<T extends Row> {
  readonly entity: EntityTarget<T>;
  readonly fields: Record<keyof T, 'string' | 'string|null' | 'integer'>;
}

const MEETINGS: Table<MeetingEntity> = { entity: MeetingEntity, fields: MEETING_FIELDS };
const PARTIES: Table<PartyEntity> = { entity: PartyEntity, fields: PARTY_FIELDS };
const ITEMS: Table<ItemEntity> = { entity: ItemEntity, fields: ITEM_FIELDS };
const EVENTS: Table<EventRecord> = { entity: HistoryEventEntity, fields: EVENT_FIELDS };

export type LineWriter = (line: string) => Promise<void>;

// Moves a tracker between databases: items, meetings and the full history with its ids and hashes.
// Tokens and idempotency records stay behind: they belong to one deployment.
@Injectable()
export class TransferService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  // One consistent snapshot, read page by page, while the server may go on writing.
  async exportTo(write: LineWriter, { pageSize = PAGE_SIZE } = {}): Promise<ExportCounts> {
    const snapshot = <T>(work: (manager: EntityManager) => Promise<T>) =>
      this.dataSource.options.type === 'postgres'
        ? this.dataSource.transaction('REPEATABLE READ', work)
        : this.dataSource.transaction(work);
    return snapshot(async (manager) => {
      const header: ExportHeader = {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exportedAt: nowIso(),
        database: this.dataSource.options.type,
      };
      await write(JSON.stringify({ type: 'header', ...header }));
      const meetings = await this.exportTable(manager, MEETINGS, 'meeting', write, pageSize);
      const parties = await this.exportTable(manager, PARTIES, 'party', write, pageSize);
      const items = await this.exportTable(manager, ITEMS, 'item', write, pageSize);
      let events = 0;
      let head = GENESIS_HASH;
      for await (const event of pages(manager, EVENTS, pageSize)) {
        await write(JSON.stringify({ type: 'event', ...pickFields(event, EVENT_FIELDS) }));
        events += 1;
        head = event.hash;
      }
      const counts: ExportCounts = { meetings, parties, items, events, head };
      await write(JSON.stringify({ type: 'end', ...counts }));
      return counts;
    });
  }

  // Into an empty database only, in one transaction: a file that does not verify imports nothing.
  async importFrom(lines: AsyncIterable<string> | Iterable<string>): Promise<ExportCounts> {
    return this.transactions.write(async (manager) => {
      await assertEmpty(manager);
      const checker = new ImportChecker();
      const inserts = new InsertBatches(manager);
      let section: Section | undefined;
      let version = EXPORT_VERSION;
      let counts: ExportCounts | undefined;
      let lineNumber = 0;
      for await (const line of lines) {
        lineNumber += 1;
        try {
          if (counts) {
            throw new RecordError('nothing may follow the end line');
          }
          const raw = parseLine(line);
          section = nextSection(section, raw.type);
          switch (section) {
            case 'header':
              version = checkHeader(readRecord<ExportHeader>(raw, HEADER_FIELDS, 'the header'));
              break;
            case 'meeting': {
              const meeting = readRecord<MeetingEntity>(raw, MEETING_FIELDS, 'a meeting');
              checker.meeting(meeting);
              await inserts.add(MEETINGS, meeting);
              break;
            }
            case 'party': {
              const party = readRecord<PartyEntity>(raw, PARTY_FIELDS, 'a party');
              checker.party(party);
              await inserts.add(PARTIES, party);
              break;
            }
            case 'item': {
              const item = readRecord<ItemEntity>(raw, ITEM_FIELDS, 'an item');
              checker.item(item);
              await inserts.add(ITEMS, item);
              break;
            }
            case 'event': {
              const record = version === 1 ? { ...raw, ...VERSION_1_EVENT_DEFAULTS } : raw;
              const event = readRecord<EventRecord>(record, EVENT_FIELDS, 'an event');
              checker.event(event);
              await inserts.add(EVENTS, event);
              break;
            }
            case 'end':
              counts = checker.finish(
                version === 1
                  ? readRecord<Omit<ExportCounts, 'parties'>>(raw, VERSION_1_END_FIELDS, 'the end line')
                  : readRecord<ExportCounts>(raw, END_FIELDS, 'the end line'),
              );
              await inserts.flush();
              break;
          }
        } catch (error) {
          throw error instanceof RecordError ? refused(`line ${lineNumber}`, error.message) : error;
        }
      }
      if (!counts) {
        throw refused('file', 'it ends before its end line: it is incomplete');
      }
      await continueIdsAfterImport(manager);
      return counts;
    });
  }

  private async exportTable<T extends Row>(
    manager: EntityManager,
    table: Table<T>,
    type: Section,
    write: LineWriter,
    pageSize: number,
  ): Promise<number> {
    let count = 0;
    for await (const row of pages(manager, table, pageSize)) {
      await write(JSON.stringify({ type, ...pickFields(row, table.fields) }));
      count += 1;
    }
    return count;
  }
}

// Rows in id order, a page at a time (keyset pagination: no OFFSET scans); text ids in byte order,
// so that the file is the same from either database.
async function* pages<T extends Row>(manager: EntityManager, table: Table<T>, pageSize: number): AsyncGenerator<T> {
  const id = table.fields.id === 'integer' ? 'row.id' : byteOrder(manager.connection, 'row.id');
  let after: unknown;
  for (;;) {
    const query = manager.createQueryBuilder(table.entity, 'row').orderBy(id, 'ASC').limit(pageSize);
    if (after !== undefined) {
      query.where(`${id} > :after`, { after });
    }
    const rows = await query.getMany();
    yield* rows;
    if (rows.length < pageSize) {
      return;
    }
    after = rows[rows.length - 1].id;
  }
}

class InsertBatches {
  private table: Table<Row> | undefined;
  private rows: Row[] = [];

  constructor(private readonly manager: EntityManager) {}

  async add<T extends Row>(table: Table<T>, row: T): Promise<void> {
    if (this.table !== table || this.rows.length >= INSERT_BATCH) {
      await this.flush();
      this.table = table;
    }
    this.rows.push(row);
  }

  async flush(): Promise<void> {
    if (this.table && this.rows.length > 0) {
      // Every column named, the generated history ids too: they are kept as they were.
      await this.manager
        .createQueryBuilder()
        .insert()
        .into(this.table.entity, Object.keys(this.table.fields))
        .values(this.rows)
        .updateEntity(false)
        .execute();
    }
    this.rows = [];
  }
}

function parseLine(line: string): Record<string, unknown> & { type: unknown } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw new RecordError('is not JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new RecordError('is not a JSON object');
  }
  return raw as Record<string, unknown> & { type: unknown };
}

function nextSection(current: Section | undefined, type: unknown): Section {
  const next = SECTIONS.find((section) => section === type);
  if (!next) {
    throw new RecordError(`has an unknown type ${JSON.stringify(type)}`);
  }
  // The header first and only once; then each kind of record after the ones before it.
  const inPlace =
    current === undefined
      ? next === 'header'
      : next !== 'header' && SECTIONS.indexOf(next) >= SECTIONS.indexOf(current);
  if (!inPlace) {
    throw new RecordError(`a ${next} record is out of place: the order is ${SECTIONS.join(', ')}`);
  }
  return next;
}

// Answers the file's format version.
function checkHeader(header: ExportHeader): number {
  if (header.format !== EXPORT_FORMAT) {
    throw new RecordError(`is not a policy-tracker export (format "${header.format}")`);
  }
  if (!READABLE_VERSIONS.includes(header.version)) {
    throw new RecordError(
      `is format version ${header.version}; this tracker reads versions ${READABLE_VERSIONS.join(' and ')}`,
    );
  }
  return header.version;
}

async function assertEmpty(manager: EntityManager): Promise<void> {
  for (const entity of [MeetingEntity, PartyEntity, ItemEntity, HistoryEventEntity]) {
    if (await manager.exists(entity)) {
      throw new DomainError(
        'target_not_empty',
        'The target database already holds items, meetings, parties or history; import only into an empty tracker.',
      );
    }
  }
}

// PostgreSQL's sequence does not move when ids are given explicitly (SQLite's AUTOINCREMENT does):
// start it after the imported events, or the next append would reuse an id.
async function continueIdsAfterImport(manager: EntityManager): Promise<void> {
  if (manager.connection.options.type === 'postgres') {
    await manager.query(
      `SELECT setval(pg_get_serial_sequence('history_events', 'id'), MAX("id")) FROM "history_events"`,
    );
  }
}

function refused(where: string, message: string): DomainError {
  return DomainError.validation([{ field: where, message }], 'The file was refused; nothing was imported.');
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { nowIso } from '../common/calendar-date.js';
import { DomainError } from '../common/domain-error.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { EditionEntity } from '../editions/edition.entity.js';
import { EditionRepository } from '../editions/edition.repository.js';
import { GENESIS_HASH } from '../history/event-hash.js';
import { HistoryRepository } from '../history/history.repository.js';
import type { ItemEntity } from '../items/item.entity.js';
import { ItemRepository } from '../items/item.repository.js';
import type { MeetingEntity } from '../meetings/meeting.entity.js';
import { MeetingRepository } from '../meetings/meeting.repository.js';
import type { PartyEntity } from '../parties/party.entity.js';
import { PartyRepository } from '../parties/party.repository.js';
import { ImportChecker } from './import-checker.js';
import {
  EDITION_FIELDS,
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
  VERSION_2_END_FIELDS,
  VERSION_2_EVENT_DEFAULTS,
  pickFields,
  readRecord,
  type EventRecord,
  type FieldKind,
  type ExportCounts,
  type ExportHeader,
} from './transfer-format.js';

const PAGE_SIZE = 500;

type Row = ObjectLiteral & { id: string | number };
// Rows per INSERT: well under both databases' limits on bound parameters.
const INSERT_BATCH = 100;

// The kinds of records in the order they must come.
const SECTIONS = ['header', 'meeting', 'party', 'item', 'event', 'edition', 'end'] as const;
type Section = (typeof SECTIONS)[number];

// A table as the transfer sees it: its fields, what one record is called in a refusal, and its
// repository's pages and exact inserts.
interface Table<T extends Row> {
  readonly fields: Record<keyof T, FieldKind>;
  readonly record: string;
  pages(manager: EntityManager, pageSize: number): AsyncGenerator<T>;
  insertExact(manager: EntityManager, columns: readonly string[], rows: readonly T[]): Promise<void>;
  isEmpty(manager: EntityManager): Promise<boolean>;
}

function table<T extends Row>(
  fields: Table<T>['fields'],
  record: string,
  repository: {
    exportPages(manager: EntityManager, pageSize: number): AsyncGenerator<T>;
    insertExact(manager: EntityManager, columns: readonly string[], rows: readonly T[]): Promise<void>;
    isEmpty(manager: EntityManager): Promise<boolean>;
  },
): Table<T> {
  return {
    fields,
    record,
    pages: (manager, pageSize) => repository.exportPages(manager, pageSize),
    insertExact: (manager, columns, rows) => repository.insertExact(manager, columns, rows),
    isEmpty: (manager) => repository.isEmpty(manager),
  };
}

export type LineWriter = (line: string) => Promise<void>;

// Moves a tracker between databases: items, meetings and the full history with its ids and hashes.
// Tokens and idempotency records stay behind: they belong to one deployment.
@Injectable()
export class TransferService {
  private readonly meetings: Table<MeetingEntity>;
  private readonly parties: Table<PartyEntity>;
  private readonly items: Table<ItemEntity>;
  private readonly events: Table<EventRecord>;
  private readonly editions: EditionRepository;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly history: HistoryRepository,
    items: ItemRepository,
    meetings: MeetingRepository,
    parties: PartyRepository,
    editions: EditionRepository,
  ) {
    this.editions = editions;
    this.meetings = table(MEETING_FIELDS, 'a meeting', meetings);
    this.parties = table(PARTY_FIELDS, 'a party', parties);
    this.items = table(ITEM_FIELDS, 'an item', items);
    this.events = table(EVENT_FIELDS, 'an event', history);
  }

  // One consistent snapshot, read page by page, while the server may go on writing.
  async exportTo(write: LineWriter, { pageSize = PAGE_SIZE } = {}): Promise<ExportCounts> {
    return this.transactions.snapshot(async (manager) => {
      const header: ExportHeader = {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exportedAt: nowIso(),
        database: this.dataSource.options.type,
      };
      await write(JSON.stringify({ type: 'header', ...header }));
      const meetings = await this.exportTable(manager, this.meetings, 'meeting', write, pageSize);
      const parties = await this.exportTable(manager, this.parties, 'party', write, pageSize);
      const items = await this.exportTable(manager, this.items, 'item', write, pageSize);
      let events = 0;
      let head = GENESIS_HASH;
      for await (const event of this.events.pages(manager, pageSize)) {
        await write(JSON.stringify({ type: 'event', ...pickFields(event, EVENT_FIELDS) }));
        events += 1;
        head = event.hash;
      }
      let editions = 0;
      for await (const edition of this.editions.exportPages(manager)) {
        await write(JSON.stringify({ type: 'edition', ...pickFields(edition, EDITION_FIELDS) }));
        editions += 1;
      }
      const counts: ExportCounts = { meetings, parties, items, events, editions, head };
      await write(JSON.stringify({ type: 'end', ...counts }));
      return counts;
    });
  }

  // Into an empty database only, in one transaction: a file that does not verify imports nothing.
  async importFrom(lines: AsyncIterable<string> | Iterable<string>): Promise<ExportCounts> {
    return this.transactions.write(async (manager) => {
      await this.assertEmpty(manager);
      const checker = new ImportChecker();
      const inserts = new InsertBatches(manager);
      let section: Section | undefined;
      let version = EXPORT_VERSION;
      let counts: ExportCounts | undefined;
      let lineNumber = 0;
      const editions: EditionEntity[] = [];
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
            case 'meeting':
              await importRecord(inserts, this.meetings, raw, (meeting) => checker.meeting(meeting));
              break;
            case 'party':
              await importRecord(inserts, this.parties, raw, (party) => checker.party(party));
              break;
            case 'item':
              await importRecord(inserts, this.items, raw, (item) => checker.item(item));
              break;
            case 'event': {
              // A version 1 file predates positions: no event names a party; nor, before version 3, a score.
              const record =
                version === 1
                  ? { ...raw, ...VERSION_1_EVENT_DEFAULTS }
                  : version === 2
                    ? { ...raw, ...VERSION_2_EVENT_DEFAULTS }
                    : raw;
              await importRecord(inserts, this.events, record, (event) => checker.event(event));
              break;
            }
            case 'edition': {
              const edition = readRecord<EditionEntity>(raw, EDITION_FIELDS, 'an edition');
              checker.edition(edition);
              editions.push(edition);
              break;
            }
            case 'end':
              counts = checker.finish(
                version === 1
                  ? readRecord<Omit<ExportCounts, 'parties' | 'editions'>>(raw, VERSION_1_END_FIELDS, 'the end line')
                  : version === 2
                    ? readRecord<Omit<ExportCounts, 'editions'>>(raw, VERSION_2_END_FIELDS, 'the end line')
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
      // Each edition names a point of the chain just imported.
      for (const edition of editions) {
        if ((await this.history.hashOfEventNumber(manager, edition.headEvents)) !== edition.headHash) {
          throw refused(`edition ${edition.slug}`, 'its head is not a point of the history in the file');
        }
      }
      if (editions.length > 0) {
        await this.editions.insertExact(manager, Object.keys(EDITION_FIELDS), editions);
      }
      await this.history.continueIdsAfterImport(manager);
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
    for await (const row of table.pages(manager, pageSize)) {
      await write(JSON.stringify({ type, ...pickFields(row, table.fields) }));
      count += 1;
    }
    return count;
  }

  private async assertEmpty(manager: EntityManager): Promise<void> {
    for (const table of [this.meetings, this.parties, this.items, this.events, this.editions]) {
      if (!(await table.isEmpty(manager))) {
        throw new DomainError(
          'target_not_empty',
          'The target database already holds items, meetings, parties or history; import only into an empty tracker.',
        );
      }
    }
  }
}

// One record of a table's section: read by the table's fields, checked, then queued for insertion.
async function importRecord<T extends Row>(
  inserts: InsertBatches,
  table: Table<T>,
  raw: Record<string, unknown>,
  check: (record: T) => void,
): Promise<void> {
  const record = readRecord<T>(raw, table.fields, table.record);
  check(record);
  await inserts.add(table, record);
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
      await this.table.insertExact(this.manager, Object.keys(this.table.fields), this.rows);
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

function refused(where: string, message: string): DomainError {
  return DomainError.validation([{ field: where, message }], 'The file was refused; nothing was imported.');
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { nowIso } from '../common/calendar-date.js';
import { DomainError } from '../common/domain-error.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { EditionEntity } from '../editions/edition.entity.js';
import { EditionRepository } from '../editions/edition.repository.js';
import { GENESIS_HASH } from '../history/event-hash.js';
import { HistoryEventEntity } from '../history/history-event.entity.js';
import { ItemEntity } from '../items/item.entity.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { PartyEntity } from '../parties/party.entity.js';
import { ImportChecker } from './import-checker.js';
import { TransferRepository } from './transfer.repository.js';
import {
  EDITION_FIELDS,
  END_FIELDS,
  EVENT_DEFAULTS_BEFORE,
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
  VERSION_2_END_FIELDS,
  pickFields,
  readRecord,
  type EventRecord,
  type FieldKind,
  type ExportCounts,
  type ExportHeader,
  type FileLines,
  refused,
} from './transfer-format.js';

const PAGE_SIZE = 500;

type Row = ObjectLiteral;
// A row the export pages by its id.
type KeyedRow = Row & { id: string | number };
// Rows per INSERT: well under both databases' limits on bound parameters.
const INSERT_BATCH = 100;

// The kinds of records in the order they must come.
const SECTIONS = ['header', 'meeting', 'party', 'item', 'event', 'edition', 'end'] as const;
type Section = (typeof SECTIONS)[number];

// A table as the transfer sees it: its entity, its fields, what one record is called in a
// refusal, and whether its ids are text (sorted in byte order) or the history's integers.
interface Table<T extends Row> {
  readonly entity: EntityTarget<T>;
  readonly fields: Record<keyof T, FieldKind>;
  readonly record: string;
  readonly textIds: boolean;
}

const MEETINGS: Table<MeetingEntity> = {
  entity: MeetingEntity,
  fields: MEETING_FIELDS,
  record: 'a meeting',
  textIds: true,
};
const PARTIES: Table<PartyEntity> = { entity: PartyEntity, fields: PARTY_FIELDS, record: 'a party', textIds: true };
const ITEMS: Table<ItemEntity> = { entity: ItemEntity, fields: ITEM_FIELDS, record: 'an item', textIds: true };
const EVENTS: Table<EventRecord> = {
  entity: HistoryEventEntity,
  fields: EVENT_FIELDS,
  record: 'an event',
  textIds: false,
};
// Editions are keyed by slug: exported by their own repository, in publishing order.
const EDITIONS: Table<EditionEntity> = {
  entity: EditionEntity,
  fields: EDITION_FIELDS,
  record: 'an edition',
  textIds: true,
};

export type LineWriter = (line: string) => Promise<void>;

// Moves a tracker between databases: items, meetings and the full history with its ids and hashes.
// Tokens and idempotency records stay behind: they belong to one deployment.
@Injectable()
export class TransferService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly tables: TransferRepository,
    private readonly editions: EditionRepository,
  ) {}

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
      const meetings = await this.exportTable(manager, MEETINGS, 'meeting', write, pageSize);
      const parties = await this.exportTable(manager, PARTIES, 'party', write, pageSize);
      const items = await this.exportTable(manager, ITEMS, 'item', write, pageSize);
      let events = 0;
      let head = GENESIS_HASH;
      for await (const event of this.tables.pages(manager, EVENTS.entity, false, pageSize)) {
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

  // Into an empty database only, in one transaction. The file is read twice: first every rule is
  // checked over all of it, and only a file that holds them all is read again and written (checked
  // again, in case it changed in between). A refused file imports nothing.
  async importFrom(open: () => FileLines): Promise<ExportCounts> {
    return this.transactions.write(async (manager) => {
      await this.assertEmpty(manager);
      const { editionHeads } = await this.readFile(open(), new ImportChecker());
      const { counts } = await this.readFile(
        open(),
        new ImportChecker(editionHeads),
        new InsertBatches(manager, this.tables),
      );
      await this.tables.continueIdsAfterImport(manager);
      return counts;
    });
  }

  private async readFile(
    lines: FileLines,
    checker: ImportChecker,
    inserts?: InsertBatches,
  ): Promise<{ counts: ExportCounts; editionHeads: ReadonlySet<number> }> {
    const record = async <T extends Row>(table: Table<T>, raw: Record<string, unknown>, check: (row: T) => void) => {
      const row = readRecord<T>(raw, table.fields, table.record);
      check(row);
      await inserts?.add(table, row);
    };
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
          case 'meeting':
            await record(MEETINGS, raw, (meeting) => checker.meeting(meeting));
            break;
          case 'party':
            await record(PARTIES, raw, (party) => checker.party(party));
            break;
          case 'item':
            await record(ITEMS, raw, (item) => checker.item(item));
            break;
          case 'event':
            // A version 1 file predates positions: no event names a party; nor, before version 3, a score.
            await record(EVENTS, { ...raw, ...EVENT_DEFAULTS_BEFORE[version] }, (event) => checker.event(event));
            break;
          case 'edition':
            await record(EDITIONS, raw, (edition) => checker.edition(edition));
            break;
          case 'end':
            counts = checker.finish(
              version === 1
                ? readRecord<Omit<ExportCounts, 'parties' | 'editions'>>(raw, VERSION_1_END_FIELDS, 'the end line')
                : version === 2
                  ? readRecord<Omit<ExportCounts, 'editions'>>(raw, VERSION_2_END_FIELDS, 'the end line')
                  : readRecord<ExportCounts>(raw, END_FIELDS, 'the end line'),
            );
            await inserts?.flush();
            break;
        }
      } catch (error) {
        throw error instanceof RecordError ? refused(`line ${lineNumber}`, error.message) : error;
      }
    }
    if (!counts) {
      throw refused('file', 'it ends before its end line: it is incomplete');
    }
    return { counts, editionHeads: checker.editionHeads };
  }

  private async exportTable<T extends KeyedRow>(
    manager: EntityManager,
    table: Table<T>,
    type: Section,
    write: LineWriter,
    pageSize: number,
  ): Promise<number> {
    let count = 0;
    for await (const row of this.tables.pages(manager, table.entity, table.textIds, pageSize)) {
      await write(JSON.stringify({ type, ...pickFields(row, table.fields) }));
      count += 1;
    }
    return count;
  }

  private async assertEmpty(manager: EntityManager): Promise<void> {
    for (const table of [MEETINGS, PARTIES, ITEMS, EVENTS, EDITIONS]) {
      if (!(await this.tables.isEmpty(manager, table.entity))) {
        throw new DomainError(
          'target_not_empty',
          'The target database already holds items, meetings, parties or history; import only into an empty tracker.',
        );
      }
    }
  }
}

class InsertBatches {
  private table: Table<Row> | undefined;
  private rows: Row[] = [];

  constructor(
    private readonly manager: EntityManager,
    private readonly tables: TransferRepository,
  ) {}

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
      await this.tables.insertExact(this.manager, this.table.entity, Object.keys(this.table.fields), this.rows);
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

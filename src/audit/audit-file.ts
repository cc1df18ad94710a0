import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { HistoryEventEntity } from '../history/history-event.entity.js';
import { EditionEntity } from '../editions/edition.entity.js';
import { EditionRepository } from '../editions/edition.repository.js';
import { HistoryRepository } from '../history/history.repository.js';
import { ItemEntity } from '../items/item.entity.js';
import { AuditRepository } from './audit.repository.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { PartyEntity } from '../parties/party.entity.js';
import type { AuditReport } from './audit-report.view.js';
import { AuditService } from './audit.service.js';

// The tables an audit reads (the history's relations name items, meetings and parties).
const AUDITED_ENTITIES = [ItemEntity, MeetingEntity, PartyEntity, HistoryEventEntity, EditionEntity];

// Audits a SQLite file that is not the one this process serves: a backup, a copy, a bench data set.
export async function auditSqliteFile(path: string): Promise<AuditReport> {
  const options = dataSourceOptions({ type: 'sqlite', path }, AUDITED_ENTITIES) as Extract<
    DataSourceOptions,
    { type: 'better-sqlite3' }
  >;
  // A mistyped path must not become an empty database that verifies as ok.
  const dataSource = new DataSource({ ...options, fileMustExist: true });
  await dataSource.initialize();
  try {
    const audit = new AuditService(
      new TransactionRunner(dataSource),
      new HistoryRepository(),
      new AuditRepository(),
      new EditionRepository(),
    );
    return await audit.verify();
  } finally {
    await dataSource.destroy();
  }
}

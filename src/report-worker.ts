import 'reflect-metadata';
import { setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';
import { move } from 'piscina';
import { DataSource } from 'typeorm';
import type { BetterSqlite3DataSourceOptions } from 'typeorm/driver/better-sqlite3/BetterSqlite3DataSourceOptions.js';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import type { DatabaseTarget } from './config/app-config.js';
import { dataSourceOptions, SQLITE_BUSY_TIMEOUT_MS } from './database/data-source-options.js';
import { ENTITIES } from './entities.js';
import { EditionRepository } from './editions/edition.repository.js';
import { AssessmentRepository } from './history/assessment.repository.js';
import { HistoryRepository } from './history/history.repository.js';
import { PositionRepository } from './history/position.repository.js';
import { ItemRepository } from './items/item.repository.js';
import { PartyRepository } from './parties/party.repository.js';
import type { ReportReaders } from './reports/report-builders.js';
import { runTask, type ReportOutcome, type WorkerTask } from './reports/report-kinds.js';
import { ReportReadRepository } from './reports/report-read.repository.js';
import type { ReportWorkerData } from './reports/report-workers.js';

// A worker thread of the report pool (src/reports/report-workers.ts): it builds reports and reads
// large history pages, on a read-only connection of its own, opened on its first task and kept.
const { database, maxEvents } = workerData as ReportWorkerData;

const REPORT_THREAD_NICENESS = 10;

// On Linux a priority set from a thread is that thread's alone: a build yields the CPU to the event
// loop that answers requests whenever both want it, on a machine with fewer cores than threads.
setPriority(REPORT_THREAD_NICENESS);

// SQLite read-only, in the WAL mode the server set: it reads a snapshot while the server writes.
// PostgreSQL: a small pool whose sessions refuse writes.
function readOnly(target: DatabaseTarget): DataSource {
  const options = dataSourceOptions(target, ENTITIES);
  switch (target.type) {
    case 'sqlite':
      return new DataSource({
        ...(options as BetterSqlite3DataSourceOptions),
        readonly: true,
        enableWAL: false,
        prepareDatabase: (db: { pragma(sql: string): unknown }) => {
          db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
        },
      });
    case 'postgres':
      return new DataSource({
        ...(options as PostgresDataSourceOptions),
        poolSize: 2,
        applicationName: 'policy-tracker-reports',
        extra: {
          ...((options as PostgresDataSourceOptions).extra as Record<string, unknown>),
          options: '-c default_transaction_read_only=on',
        },
      });
  }
}

let readers: Promise<ReportReaders> | undefined;

function open(): Promise<ReportReaders> {
  readers ??= readOnly(database)
    .initialize()
    .then((dataSource) => ({
      manager: dataSource.manager,
      events: new HistoryRepository(),
      items: new ItemRepository(),
      positions: new PositionRepository(),
      assessments: new AssessmentRepository(),
      editions: new EditionRepository(),
      parties: new PartyRepository(),
      reads: new ReportReadRepository(),
      maxEvents,
    }));
  return readers;
}

// The document's buffer is moved to the main thread, not copied (it is the encoder's own).
export default async function run(task: WorkerTask): Promise<ReportOutcome | ReturnType<typeof move>> {
  const outcome = await runTask(await open(), task);
  return outcome instanceof Uint8Array ? move(outcome) : outcome;
}

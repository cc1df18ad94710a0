import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Piscina } from 'piscina';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig, DatabaseTarget } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { EditionRepository } from '../editions/edition.repository.js';
import { AssessmentRepository } from '../history/assessment.repository.js';
import { HistoryRepository } from '../history/history.repository.js';
import { PositionRepository } from '../history/position.repository.js';
import { ItemHistoryService } from '../items/item-history.service.js';
import { ItemRepository } from '../items/item.repository.js';
import { PartyRepository } from '../parties/party.repository.js';
import type { ReportReaders } from './report-builders.js';
import { runTask, type ReportOutcome, type ReportTask, type WorkerTask } from './report-kinds.js';
import { ReportReadRepository } from './report-read.repository.js';

// The worker's module, built beside this one: dist/src/report-worker.js (src/report-worker.ts).
const WORKER_FILE = new URL('../report-worker.js', import.meta.url);

// What each worker thread is started with.
export interface ReportWorkerData {
  readonly database: DatabaseTarget;
  readonly maxEvents: number;
}

// Report builds and large history pages, off the event loop that answers requests: each runs in a
// worker thread with a read-only connection of its own (SQLite in WAL mode lets it read while this
// process writes; on PostgreSQL a pool of its own), and only the encoded document comes back. The
// build queue in front (report-build-queue.ts) admits as many builds as there are threads, so a
// build never waits in the pool (a history page may, for a thread).
//
// Inline, where no thread can help: under Jest the sources are TypeScript with no built worker
// beside them, and an in-memory SQLite database cannot be opened by a second connection.
@Injectable()
export class ReportWorkers implements OnModuleDestroy {
  private readonly pool: Piscina<WorkerTask, ReportOutcome> | undefined;
  private readonly inline: ReportReaders;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() dataSource: DataSource,
    events: HistoryRepository,
    items: ItemRepository,
    positions: PositionRepository,
    assessments: AssessmentRepository,
    editions: EditionRepository,
    parties: PartyRepository,
    reads: ReportReadRepository,
    history: ItemHistoryService,
  ) {
    const inMemory = config.database.type === 'sqlite' && config.database.path === ':memory:';
    const built = WORKER_FILE.pathname.endsWith('.js') && import.meta.url.endsWith('.js');
    if (config.reportWorkers === 'threads' && built && !inMemory) {
      const workerData: ReportWorkerData = { database: config.database, maxEvents: config.reportMaxEvents };
      this.pool = new Piscina({
        filename: WORKER_FILE.href,
        minThreads: 1,
        maxThreads: config.reportBuildConcurrency,
        // An idle worker gives its heap back after a minute.
        idleTimeout: 60_000,
        workerData,
      });
    }
    this.inline = {
      manager: dataSource.manager,
      events,
      items,
      positions,
      assessments,
      editions,
      parties,
      reads,
      maxEvents: config.reportMaxEvents,
    };
    // History pages larger than the default are read here too, encoded where they are read. They
    // are admitted per client before (ExpensiveReads), not by the build queue: with builds running
    // they wait in the pool's own queue for a thread.
    history.readLargePagesWith((page) => this.run({ historyPage: page }));
  }

  // The read models on another manager (a transaction's), for a build that must read in it.
  readersOn(manager: EntityManager): ReportReaders {
    return { ...this.inline, manager };
  }

  get threaded(): boolean {
    return this.pool !== undefined;
  }

  build(task: ReportTask): Promise<Buffer> {
    return this.run(task);
  }

  private async run(task: WorkerTask): Promise<Buffer> {
    const outcome = this.pool ? await this.pool.run(task) : await runTask(this.inline, task);
    if (outcome instanceof Uint8Array) {
      return Buffer.from(outcome.buffer, outcome.byteOffset, outcome.byteLength);
    }
    const { code, message, extensions } = outcome.refused;
    // The code and its extensions came from a DomainError on the other side.
    throw new DomainError(code, message, extensions);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
  }
}

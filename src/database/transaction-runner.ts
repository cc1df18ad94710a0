import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { isLockTimeout, isSqliteBusy } from './database-errors.js';
import { lockWrites } from './postgres-locks.js';
import { StorageHealth, storageProblem } from './storage-health.js';

export type TransactionWork<T> = (manager: EntityManager) => Promise<T>;

interface QueuedWork {
  readonly kind: 'write' | 'snapshot';
  readonly work: TransactionWork<unknown>;
  resolve(result: unknown): void;
  reject(error: unknown): void;
}
type QueuedWrite = QueuedWork & { readonly kind: 'write' };

// Set while work handed to the runner is running, once a test has turned the guard on.
let workInProgress: AsyncLocalStorage<true> | undefined;
const guarded = new WeakSet<DataSource>();

// Work handed to the runner must read and write through the manager it is given. A read through
// the root manager (the data source's own) escapes the transaction: on SQLite it happens to see
// the transaction's writes, because there is one connection, but on PostgreSQL it runs on another
// pooled connection, outside the transaction and its lock. Tests turn this guard on
// (test/support/guard-transaction-work.ts) so that such a read fails the test at once; it is off
// in the service, where tracking asynchronous context would cost every request a little.
export function guardTransactionWork(): void {
  workInProgress ??= new AsyncLocalStorage<true>();
}

function guardRootManager(dataSource: DataSource, work: AsyncLocalStorage<true>): void {
  if (guarded.has(dataSource)) {
    return;
  }
  guarded.add(dataSource);
  const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
  // The root manager, its query builders and dataSource.query all open a query runner per call;
  // the transaction's manager never does.
  dataSource.createQueryRunner = (mode) => {
    if (work.getStore()) {
      throw new Error('Work handed to TransactionRunner read through the root manager; use the manager it was given.');
    }
    return createQueryRunner(mode);
  };
}

function runWork<T>(work: TransactionWork<T>, manager: EntityManager): Promise<T> {
  return workInProgress ? workInProgress.run(true, () => work(manager)) : work(manager);
}

// Enough to share one fsync among every connection of a busy server, few enough that the first
// write of a group does not wait long for the last.
const MAX_GROUP = 64;

// Every write of the service goes through here, so that a request's checks and writes are atomic
// and isolated from every other request's.
//
// SQLite: TypeORM's better-sqlite3 driver has a single connection, and a second transaction
// started on it would silently nest as a SAVEPOINT inside the first. So writes queue here and run
// one at a time, in transactions begun IMMEDIATE: the write lock is taken up front, so a read lock
// is never upgraded into SQLITE_BUSY, and another process (the CLI) makes us wait for the busy
// timeout. With synchronous=FULL each COMMIT waits for the disk, which would cap the service at
// one write per fsync; so the writes that queued up meanwhile commit together (group commit):
// each runs in its own SAVEPOINT, a failing one is rolled back alone, and every caller hears of
// success only after the shared COMMIT has reached the disk.
// PostgreSQL: each transaction has its own pooled connection, and every write transaction of every
// instance first takes one advisory lock (see postgres-locks.ts), so the history chain never forks;
// a writer that cannot get it within the lock timeout gets database_busy, as on SQLite. A snapshot
// is a REPEATABLE READ transaction and takes no lock.
@Injectable()
export class TransactionRunner {
  private readonly queue: QueuedWork[] = [];
  private draining = false;

  constructor(
    private readonly dataSource: DataSource,
    // What /health reports: whether the last write failed because of the storage.
    private readonly storage: StorageHealth = new StorageHealth(),
  ) {
    if (workInProgress) {
      guardRootManager(dataSource, workInProgress);
    }
  }

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  async write<T>(work: TransactionWork<T>): Promise<T> {
    try {
      const result = await (this.isSqlite ? this.enqueue({ kind: 'write', work }) : this.postgresTransaction(work));
      this.storage.recordWrite();
      return result;
    } catch (error) {
      // A full disk or an unwritable file is named (507, 503), not a generic 500.
      this.storage.recordFailure(error);
      throw storageProblem(error) ?? error;
    }
  }

  private async postgresTransaction<T>(work: TransactionWork<T>): Promise<T> {
    try {
      return await this.dataSource.transaction('READ COMMITTED', async (manager) => {
        await lockWrites(manager);
        return runWork(work, manager);
      });
    } catch (error) {
      throw isLockTimeout(error) ? busy() : error;
    }
  }

  // Many reads that must see one state of the database, such as an audit reading the history in
  // batches while requests keep writing. On SQLite it queues like a write (it shares the one
  // connection) and runs alone, but takes no write lock, so another process can still write.
  snapshot<T>(work: TransactionWork<T>): Promise<T> {
    if (!this.isSqlite) {
      return this.dataSource.transaction('REPEATABLE READ', (manager) => runWork(work, manager));
    }
    return this.enqueue({ kind: 'snapshot', work });
  }

  private enqueue<T>(entry: { kind: QueuedWork['kind']; work: TransactionWork<T> }): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ ...entry, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        this.drainSoon();
      }
    });
  }

  // better-sqlite3 is synchronous, so a group runs from BEGIN to COMMIT without letting the event
  // loop read a socket. Starting each group after the poll phase (setImmediate) lets every request
  // that arrived meanwhile queue its write first, and join the group.
  private drainSoon(): void {
    setImmediate(() => {
      void this.runNext().finally(() => {
        if (this.queue.length > 0) {
          this.drainSoon();
        } else {
          this.draining = false;
        }
      });
    });
  }

  private runNext(): Promise<void> {
    const next = this.queue[0];
    if (next.kind === 'snapshot') {
      this.queue.shift();
      return this.runSnapshot(next);
    }
    const end = this.queue.findIndex((entry, index) => entry.kind !== 'write' || index >= MAX_GROUP);
    return this.commitGroup(this.queue.splice(0, end === -1 ? this.queue.length : end) as QueuedWrite[]);
  }

  private async runSnapshot(snapshot: QueuedWork): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.query('BEGIN');
    } catch (error) {
      snapshot.reject(translate(error));
      return;
    }
    try {
      const result = await runWork(snapshot.work, runner.manager);
      await runner.query('COMMIT');
      snapshot.resolve(result);
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      snapshot.reject(translate(error));
    }
  }

  private async commitGroup(group: QueuedWrite[]): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.query('BEGIN IMMEDIATE');
    } catch (error) {
      group.forEach((write) => write.reject(translate(error)));
      return;
    }
    const done: { write: QueuedWrite; result: unknown }[] = [];
    for (const [index, write] of group.entries()) {
      let result: unknown;
      try {
        await runner.query('SAVEPOINT queued_write');
        result = await runWork(write.work, runner.manager);
        await runner.query('RELEASE queued_write');
      } catch (error) {
        if (await rolledBackToSavepoint(runner)) {
          write.reject(translate(error));
          continue;
        }
        // SQLite ends the whole transaction on some errors (I/O, full disk): nothing of this group
        // is written. The writes that have not run yet go first in the next group.
        await runner.query('ROLLBACK').catch(() => undefined);
        [write, ...done.map((entry) => entry.write)].forEach((failed) => failed.reject(translate(error)));
        this.queue.unshift(...group.slice(index + 1));
        return;
      }
      done.push({ write, result });
    }
    try {
      await runner.query('COMMIT');
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      done.forEach(({ write }) => write.reject(translate(error)));
      return;
    }
    done.forEach(({ write, result }) => write.resolve(result));
  }
}

async function rolledBackToSavepoint(runner: QueryRunner): Promise<boolean> {
  try {
    await runner.query('ROLLBACK TO queued_write');
    await runner.query('RELEASE queued_write');
    return true;
  } catch {
    return false;
  }
}

function translate(error: unknown): unknown {
  return isSqliteBusy(error) ? busy() : error;
}

function busy(): DomainError {
  return new DomainError('database_busy', 'The database is busy with another writer; retry shortly.', {
    retryAfterSeconds: 1,
  });
}

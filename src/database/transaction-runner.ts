import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { isSqliteBusy } from './database-errors.js';

export type TransactionWork<T> = (manager: EntityManager) => Promise<T>;

// Every write of the service goes through here, so that a request's checks and writes are one
// transaction and two requests never share one.
//
// SQLite: TypeORM's better-sqlite3 driver has a single connection, and a second transaction
// started on it would silently nest as a SAVEPOINT inside the first. So write transactions queue
// here, one at a time, and begin IMMEDIATE: the write lock is taken up front, so a read lock is
// never upgraded into SQLITE_BUSY, and another process (the CLI) makes us wait for the busy timeout.
// PostgreSQL: each transaction has its own pooled connection; rows are guarded by the services.
@Injectable()
export class TransactionRunner {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  write<T>(work: TransactionWork<T>): Promise<T> {
    if (!this.isSqlite) {
      return this.dataSource.transaction('READ COMMITTED', work);
    }
    return this.queued(() => this.sqliteTransaction('BEGIN IMMEDIATE', work));
  }

  // Many reads that must see one state of the database, such as an audit reading the history in
  // batches while requests keep writing. On SQLite it queues like a write (it shares the one
  // connection) but takes no write lock, so another process can still write meanwhile.
  snapshot<T>(work: TransactionWork<T>): Promise<T> {
    if (!this.isSqlite) {
      return this.dataSource.transaction('REPEATABLE READ', work);
    }
    return this.queued(() => this.sqliteTransaction('BEGIN', work));
  }

  private queued<T>(transaction: () => Promise<T>): Promise<T> {
    const run = this.tail.then(transaction);
    // The queue continues whether this transaction commits or fails.
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async sqliteTransaction<T>(begin: string, work: TransactionWork<T>): Promise<T> {
    const queryRunner = this.dataSource.createQueryRunner();
    try {
      await queryRunner.query(begin);
    } catch (error) {
      throw isSqliteBusy(error) ? busy() : error;
    }
    try {
      const result = await work(queryRunner.manager);
      await queryRunner.query('COMMIT');
      return result;
    } catch (error) {
      await queryRunner.query('ROLLBACK');
      throw isSqliteBusy(error) ? busy() : error;
    }
  }
}

function busy(): DomainError {
  return new DomainError('database_busy', 'The database is busy with another writer; retry shortly.', {
    retryAfterSeconds: 1,
  });
}

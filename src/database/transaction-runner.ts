import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { isLockTimeout, isSqliteBusy } from './database-errors.js';
import { lockWrites } from './postgres-locks.js';

export type TransactionWork<T> = (manager: EntityManager) => Promise<T>;

// Every write of the service goes through here, so that a request's checks and writes are one
// transaction and two requests never share one.
//
// SQLite: TypeORM's better-sqlite3 driver has a single connection, and a second transaction
// started on it would silently nest as a SAVEPOINT inside the first. So write transactions queue
// here, one at a time, and begin IMMEDIATE: the write lock is taken up front, so a read lock is
// never upgraded into SQLITE_BUSY, and another process (the CLI) makes us wait for the busy timeout.
// PostgreSQL: each transaction has its own pooled connection, and every write transaction of every
// instance first takes one advisory lock (see postgres-locks.ts), so the history chain never forks;
// a writer that cannot get it within the lock timeout gets database_busy, as on SQLite.
@Injectable()
export class TransactionRunner {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  write<T>(work: TransactionWork<T>): Promise<T> {
    if (!this.isSqlite) {
      return this.postgresTransaction(work);
    }
    const run = this.tail.then(() => this.immediateSqliteTransaction(work));
    // The queue continues whether this transaction commits or fails.
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async postgresTransaction<T>(work: TransactionWork<T>): Promise<T> {
    try {
      return await this.dataSource.transaction('READ COMMITTED', async (manager) => {
        await lockWrites(manager);
        return work(manager);
      });
    } catch (error) {
      throw isLockTimeout(error) ? busy() : error;
    }
  }

  private async immediateSqliteTransaction<T>(work: TransactionWork<T>): Promise<T> {
    const queryRunner = this.dataSource.createQueryRunner();
    try {
      await queryRunner.query('BEGIN IMMEDIATE');
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

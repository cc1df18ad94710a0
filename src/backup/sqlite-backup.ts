import { existsSync, linkSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DomainError } from '../common/domain-error.js';
import { ConfigError, type DatabaseTarget } from '../config/app-config.js';
import { SQLITE_BUSY_TIMEOUT_MS } from '../database/data-source-options.js';

export interface BackupProgress {
  readonly totalPages: number;
  readonly remainingPages: number;
}

// About twenty steps per copy, so that progress can be shown, but never tiny ones.
const MIN_STEP_PAGES = 100;
const STEPS = 20;
const ALL_REMAINING_PAGES = 0x7fffffff;

export function sqliteFileOf(target: DatabaseTarget): string {
  if (target.type === 'postgres') {
    throw new ConfigError(
      'backup copies a SQLite file, and DATABASE_URL names PostgreSQL: back it up with pg_dump ' +
        '(pg_dump --format=custom --file=tracker.dump "$DATABASE_URL"; restore with pg_restore)',
    );
  }
  if (target.path === ':memory:') {
    throw new ConfigError('backup: DATABASE_URL names an in-memory database, which has no file to copy');
  }
  return target.path;
}

// A consistent copy of a live database through SQLite's online backup API: other processes keep
// reading and writing meanwhile. The copy is written beside the destination and linked into place
// only when complete, so the destination never holds half a database and is never overwritten.
export async function backupSqliteFile(
  source: string,
  destination: string,
  onProgress: (progress: BackupProgress) => void = () => undefined,
): Promise<BackupProgress> {
  if (existsSync(destination)) {
    throw refused(destination, 'exists already; a backup never overwrites a file');
  }
  if (!existsSync(dirname(destination))) {
    throw refused(destination, 'is in a folder that does not exist');
  }
  const partial = `${destination}.partial-${process.pid}`;
  const database = new Database(source, { fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    let remainingBefore = Number.POSITIVE_INFINITY;
    const done = await database.backup(partial, {
      progress: (progress) => {
        onProgress(progress);
        // A write from another connection restarts the copy. Then the rest goes in one step, which
        // holds the read lock throughout, so a busy server cannot keep the copy from finishing.
        const restarted = progress.remainingPages > remainingBefore;
        remainingBefore = progress.remainingPages;
        return restarted ? ALL_REMAINING_PAGES : Math.max(MIN_STEP_PAGES, Math.ceil(progress.totalPages / STEPS));
      },
    });
    try {
      linkSync(partial, destination);
    } catch (error) {
      throw (error as NodeJS.ErrnoException).code === 'EEXIST'
        ? refused(destination, 'appeared while the copy was made; it was left alone')
        : error;
    }
    return done;
  } finally {
    database.close();
    rmSync(partial, { force: true });
  }
}

function refused(destination: string, why: string): DomainError {
  return DomainError.validation([{ field: 'file', message: why }], `Not writing the backup to ${destination}.`);
}

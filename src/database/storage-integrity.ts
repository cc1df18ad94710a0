import type { DataSource, EntityManager } from 'typeorm';
import { storageFault } from './database-errors.js';

// A database the service must not open: it would serve and append to a damaged history.
export class StorageIntegrityError extends Error {
  override name = 'StorageIntegrityError';
}

// SQLite's quick check (every page and index entry well formed, in linear time): its first finding,
// or undefined when the file is sound. PostgreSQL checks its own pages; there is nothing to ask.
export async function integrityProblem(manager: EntityManager): Promise<string | undefined> {
  if (manager.dataSource.options.type !== 'better-sqlite3') {
    return undefined;
  }
  try {
    const rows = await manager.query<{ quick_check: string }[]>('PRAGMA quick_check(1)');
    const finding = rows[0]?.quick_check ?? 'no answer';
    return finding === 'ok' ? undefined : finding;
  } catch (error) {
    if (storageFault(error) === undefined) {
      throw error;
    }
    return error instanceof Error ? error.message : String(error);
  }
}

// At start, before the migrations touch the file: one line naming the file and what is wrong.
export async function assertStorageIntact(dataSource: DataSource, path: string): Promise<void> {
  const problem = await integrityProblem(dataSource.manager);
  if (problem !== undefined) {
    throw new StorageIntegrityError(
      `the SQLite file ${path} fails its integrity check (PRAGMA quick_check: ${oneLine(problem)}); ` +
        'restore it from a backup',
    );
  }
}

export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, '; ').slice(0, 300);
}

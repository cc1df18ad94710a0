import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error.js';
import { DamagedRowError } from './damaged-row.js';
import { storageFault, type StorageFaultKind } from './database-errors.js';

// Long enough for an operator to free space or remount; a client retrying sooner only adds load.
export const STORAGE_RETRY_AFTER_SECONDS = 30;

const REASONS: Readonly<Record<StorageFaultKind, string>> = {
  full: 'The disk holding the database is full: writes are refused until space is freed.',
  unwritable: 'The database cannot be written (read-only file or I/O error).',
  corrupt: 'The database file is damaged (it fails its integrity check); restore it from a backup.',
};

// A storage fault as the answer to a request: 507 when the disk is full, 503 otherwise; a row that
// cannot be read is named.
export function storageProblem(error: unknown): DomainError | undefined {
  if (error instanceof DamagedRowError) {
    return new DomainError(
      'storage_unavailable',
      `The stored data is damaged: ${error.message}. Run audit verify and restore the database from a backup.`,
      { retryAfterSeconds: STORAGE_RETRY_AFTER_SECONDS },
    );
  }
  const kind = storageFault(error);
  if (kind === undefined) {
    return undefined;
  }
  return new DomainError(kind === 'full' ? 'insufficient_storage' : 'storage_unavailable', REASONS[kind], {
    retryAfterSeconds: STORAGE_RETRY_AFTER_SECONDS,
  });
}

// Whether the last write, or a read since, failed for a storage fault; /health answers degraded
// until a write succeeds.
@Injectable()
export class StorageHealth {
  private reason: string | undefined;

  recordFailure(error: unknown): void {
    this.reason = storageProblem(error)?.message ?? this.reason;
  }

  recordWrite(): void {
    this.reason = undefined;
  }

  // Why writes or reads fail, or undefined while they work.
  degradedReason(): string | undefined {
    return this.reason;
  }
}

import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error.js';
import { storageFault, type StorageFaultKind } from './database-errors.js';

// Long enough for an operator to free space or remount; a client retrying sooner only adds load.
export const STORAGE_RETRY_AFTER_SECONDS = 30;

const REASONS: Readonly<Record<StorageFaultKind, string>> = {
  full: 'The disk holding the database is full: writes are refused until space is freed.',
  unwritable: 'The database cannot be written (read-only file or I/O error).',
  corrupt: 'The database file is damaged (it fails its integrity check); restore it from a backup.',
};

// A storage fault as the answer to a request: 507 when the disk is full, 503 otherwise.
export function storageProblem(error: unknown): DomainError | undefined {
  const kind = storageFault(error);
  if (kind === undefined) {
    return undefined;
  }
  return new DomainError(kind === 'full' ? 'insufficient_storage' : 'storage_unavailable', REASONS[kind], {
    retryAfterSeconds: STORAGE_RETRY_AFTER_SECONDS,
  });
}

// Whether the last write failed for a storage fault; /health answers degraded until one succeeds.
@Injectable()
export class StorageHealth {
  private fault: StorageFaultKind | undefined;

  recordFailure(error: unknown): void {
    this.fault = storageFault(error) ?? this.fault;
  }

  recordWrite(): void {
    this.fault = undefined;
  }

  // Why writes fail, or undefined while they work.
  degradedReason(): string | undefined {
    return this.fault === undefined ? undefined : REASONS[this.fault];
  }
}

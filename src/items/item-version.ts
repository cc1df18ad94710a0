import { DomainError } from '../common/domain-error.js';
import type { ItemEntity } from './item.entity.js';

// The If-Match precondition of the item API: the caller changes the version it read, or nothing.
export function assertIfMatch(item: ItemEntity, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && item.version !== expectedVersion) {
    throw new DomainError(
      'version_mismatch',
      `If-Match asks for version ${expectedVersion}, but ${item.slug} is at version ${item.version}.`,
      { currentVersion: item.version },
    );
  }
}

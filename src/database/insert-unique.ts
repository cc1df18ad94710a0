import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { isUniqueViolation } from './database-errors.js';

// A new row whose unique key may be taken: found first, or caught by the unique index when two
// instances race. Either way the caller's error is thrown, never the database's.
export async function insertUnique<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  row: T,
  key: FindOptionsWhere<T>,
  taken: () => Error,
): Promise<void> {
  if (await manager.existsBy(entity, key)) {
    throw taken();
  }
  try {
    await manager.insert(entity, row);
  } catch (error) {
    throw isUniqueViolation(error) ? taken() : error;
  }
}

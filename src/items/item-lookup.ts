import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { ItemEntity } from './item.entity.js';

// Wherever a path says :key, the item's id or its slug both work.
export async function findItemByKey(manager: EntityManager, key: string): Promise<ItemEntity> {
  const item = await manager
    .createQueryBuilder(ItemEntity, 'item')
    .where('item.id = :key OR item.slug = :key', { key })
    .getOne();
  if (!item) {
    throw new DomainError('item_not_found', `No item has the id or slug "${key}".`, { item: key });
  }
  return item;
}

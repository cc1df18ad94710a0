import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IdempotencyRecordEntity } from './idempotency-record.entity.js';

// Every query on the idempotency_records table.
@Injectable()
export class IdempotencyRepository {
  async deleteExpired(manager: EntityManager, now: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .delete()
      .from(IdempotencyRecordEntity)
      .where('expires_at <= :now', { now })
      .execute();
  }

  async find(manager: EntityManager, key: string): Promise<IdempotencyRecordEntity | null> {
    return manager.findOneBy(IdempotencyRecordEntity, { key });
  }

  // Throws the database's unique violation when another request stored the key meanwhile.
  async insert(manager: EntityManager, record: IdempotencyRecordEntity): Promise<void> {
    await manager.insert(IdempotencyRecordEntity, record);
  }
}

import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { nowIso } from '../common/calendar-date.js';
import { DomainError } from '../common/domain-error.js';
import { byteOrder } from '../database/byte-order.js';
import { insertUnique } from '../database/insert-unique.js';
import { selectRows } from '../database/sql.js';
import type { Actor } from './actor.js';
import { ApiTokenEntity } from './api-token.entity.js';

const ACTIVE_TOKEN_BY_HASH =
  'SELECT "name", "role" FROM "api_tokens" WHERE "secret_hash" = :secretHash AND "revoked_at" IS NULL';

// Every query on the api_tokens table.
@Injectable()
export class TokenRepository {
  // A new token; a name that is taken, revoked or not (found first, or caught by the unique index
  // when two instances race), is refused.
  insert(manager: EntityManager, token: Omit<ApiTokenEntity, 'id'>): Promise<void> {
    return insertUnique<Omit<ApiTokenEntity, 'id'>>(manager, ApiTokenEntity, token, { name: token.name }, () =>
      nameTaken(token.name),
    );
  }

  // By name, in byte order.
  all(manager: EntityManager): Promise<ApiTokenEntity[]> {
    return manager
      .createQueryBuilder(ApiTokenEntity, 'token')
      .orderBy(byteOrder(manager.dataSource, 'token.name'), 'ASC')
      .getMany();
  }

  // Answers whether an active token of that name was revoked.
  async revoke(manager: EntityManager, name: string): Promise<boolean> {
    const result = await manager.update(ApiTokenEntity, { name, revokedAt: IsNull() }, { revokedAt: nowIso() });
    return result.affected === 1;
  }

  // The names of the admin tokens that still work.
  async activeAdminNames(manager: EntityManager): Promise<string[]> {
    const admins = await manager.findBy(ApiTokenEntity, { role: 'admin', revokedAt: IsNull() });
    return admins.map((admin) => admin.name);
  }

  // Runs on every request: one prepared statement on the unique secret_hash index.
  async activeBySecretHash(manager: EntityManager, secretHash: string): Promise<Actor | undefined> {
    const [token] = await selectRows<Actor>(manager, ACTIVE_TOKEN_BY_HASH, { secretHash });
    return token;
  }

  // Revoked names count: they stay in the history.
  exists(manager: EntityManager, name: string): Promise<boolean> {
    return manager.existsBy(ApiTokenEntity, { name });
  }

  async isEmpty(manager: EntityManager): Promise<boolean> {
    return (await manager.count(ApiTokenEntity)) === 0;
  }
}

function nameTaken(name: string): DomainError {
  return new DomainError('token_name_taken', `A token named "${name}" exists already (revoked names stay taken).`, {
    name,
  });
}

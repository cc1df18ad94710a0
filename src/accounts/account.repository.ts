import { isPrintable } from '../common/validators.js';
import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { nowIso } from '../common/calendar-date.js';
import { DomainError } from '../common/domain-error.js';
import { byteOrder } from '../database/byte-order.js';
import { insertUnique } from '../database/insert-unique.js';
import { AccountEntity } from './account.entity.js';

// Every query on the accounts table.
@Injectable()
export class AccountRepository {
  // A username that is taken, disabled or not, is refused (found first, or caught by the unique
  // index when two instances race).
  insert(manager: EntityManager, account: Omit<AccountEntity, 'id'>): Promise<void> {
    return insertUnique<Omit<AccountEntity, 'id'>>(
      manager,
      AccountEntity,
      account,
      { username: account.username },
      () => usernameTaken(account.username),
    );
  }

  // By username, in byte order.
  all(manager: EntityManager): Promise<AccountEntity[]> {
    return manager
      .createQueryBuilder(AccountEntity, 'account')
      .orderBy(byteOrder(manager.dataSource, 'account.username'), 'ASC')
      .getMany();
  }

  // A name that could never be a username (a NUL byte, which PostgreSQL refuses to compare) names none.
  async active(manager: EntityManager, username: string): Promise<AccountEntity | undefined> {
    if (!isPrintable(username)) {
      return undefined;
    }
    return (await manager.findOneBy(AccountEntity, { username, disabledAt: IsNull() })) ?? undefined;
  }

  // Answers whether an active account of that username had its password replaced.
  async setPasswordHash(manager: EntityManager, username: string, passwordHash: string): Promise<boolean> {
    const result = await manager.update(AccountEntity, { username, disabledAt: IsNull() }, { passwordHash });
    return result.affected === 1;
  }

  // Answers whether an active account of that username was disabled.
  async disable(manager: EntityManager, username: string): Promise<boolean> {
    const result = await manager.update(AccountEntity, { username, disabledAt: IsNull() }, { disabledAt: nowIso() });
    return result.affected === 1;
  }

  async isEmpty(manager: EntityManager): Promise<boolean> {
    return (await manager.count(AccountEntity)) === 0;
  }
}

export function usernameTaken(username: string): DomainError {
  return new DomainError(
    'account_name_taken',
    `The username "${username}" is taken (by an account, disabled ones included, or by an API token).`,
    { username },
  );
}
